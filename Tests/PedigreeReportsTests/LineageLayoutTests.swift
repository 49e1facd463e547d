import Testing
@testable import PedigreeReports

@Suite struct LineageLayoutTests {
    @Test func layersFollowTheLongestPath() {
        // 0 → 1 → 2 → 3, and 0 → 3 directly: 3 sits below 2, not beside 1.
        let layout = LineageLayout(count: 4, edges: [(0, 1), (1, 2), (2, 3), (0, 3)], roots: [0])
        #expect(layout.nodes.map(\.layer) == [0, 1, 2, 3])
        #expect(layout.backEdges.isEmpty)
        #expect(layout.nodes.map(\.y) == layout.nodes.map { LineageLayout.margin + $0.row * (LineageLayout.nodeHeight + LineageLayout.verticalGap) })
    }

    @Test func cyclesAreBrokenOnceAndTerminate() {
        // 0 → 1 → 2 → 1: the edge 2 → 1 closes the cycle.
        let layout = LineageLayout(count: 3, edges: [(0, 1), (1, 2), (2, 1)], roots: [0])
        #expect(layout.backEdges == [2])
        #expect(layout.nodes.map(\.layer) == [0, 1, 2])
        let selfLoop = LineageLayout(count: 1, edges: [(0, 0)], roots: [0])
        #expect(selfLoop.backEdges == [0])
        #expect(selfLoop.nodes.map(\.layer) == [0])
    }

    @Test func childrenFollowTheirParentsAndWideLayersWrap() {
        // Root 0 with two children 1, 2; 2's child 3 and 1's child 4: 4 is placed before 3.
        let layout = LineageLayout(count: 5, edges: [(0, 1), (0, 2), (2, 3), (1, 4)], roots: [0])
        #expect(layout.nodes[4].x < layout.nodes[3].x)
        #expect(layout.nodes[1].x < layout.nodes[2].x)
        let wide = LineageLayout(count: 8, edges: (1..<8).map { (0, $0) }, roots: [0], maxPerRow: 3)
        #expect(wide.nodes.map(\.row) == [0, 1, 1, 1, 2, 2, 2, 3])
        #expect(wide.nodes.dropFirst().allSatisfy { $0.layer == 1 })
        let rightmost = wide.nodes.map { $0.x + LineageLayout.nodeWidth }.max() ?? 0
        #expect(rightmost + LineageLayout.margin == wide.width)
        #expect(wide.height == 4 * (LineageLayout.nodeHeight + LineageLayout.verticalGap) - LineageLayout.verticalGap + 2 * LineageLayout.margin)
    }

    @Test func unconnectedNodesStayInTheTopLayerAfterTheRoots() {
        let layout = LineageLayout(count: 3, edges: [], roots: [2])
        #expect(layout.nodes.map(\.layer) == [0, 0, 0])
        #expect(layout.nodes[2].x < layout.nodes[0].x)
        #expect(layout.nodes[0].x < layout.nodes[1].x)
    }

    @Test func longEdgesBendAroundTheBoxesBetween() {
        // 0 → 1 → 2 → 3 and 0 → 3: the long edge passes layers 1 and 2 beside their boxes.
        let layout = LineageLayout(count: 4, edges: [(0, 1), (1, 2), (2, 3), (0, 3)], roots: [0])
        let route = layout.routes[3]
        #expect(route.count == 6)
        #expect(route.first?.y == layout.nodes[0].y + LineageLayout.nodeHeight)
        #expect(route.last?.y == layout.nodes[3].y)
        for bend in route.dropFirst().dropLast() {
            let box = bend.y <= layout.nodes[1].y + LineageLayout.nodeHeight ? layout.nodes[1] : layout.nodes[2]
            #expect(bend.x < box.x || bend.x > box.x + LineageLayout.nodeWidth)
        }
        // Two edges leave 0: their start points are spread along its bottom, in the order of their targets.
        #expect(layout.routes[0].first?.x != layout.routes[3].first?.x)
        #expect(layout.labels[3] == LineageLayout.Point(x: (route[0].x + route[1].x) / 2, y: (route[0].y + route[1].y) / 2))
        // Short edges are straight.
        #expect(layout.routes[0].count == 2)
    }
}
