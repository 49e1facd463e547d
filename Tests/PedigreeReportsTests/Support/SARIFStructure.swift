import SafeJSON

/// The parts of the SARIF 2.1.0 schema (OASIS, sarif-schema-2.1.0.json) that cover what Pedigree
/// writes, checked by hand: required properties, enumerations, minimums and `anyOf` alternatives.
/// Returns one line per violation, with the JSON path, so a failing test says what is wrong.
enum SARIFStructure {
    static func violations(_ log: JSONValue) -> [String] {
        var problems: [String] = []
        func fail(_ path: String, _ what: String) { problems.append("\(path): \(what)") }
        func string(_ value: JSONValue?, _ path: String) {
            if value?.string == nil { fail(path, "expected a string") }
        }
        func integer(_ value: JSONValue?, _ path: String, minimum: Int) {
            guard let number = value?.int else { return fail(path, "expected an integer") }
            if number < minimum { fail(path, "expected at least \(minimum), found \(number)") }
        }
        func oneOf(_ value: JSONValue?, _ allowed: Set<String>, _ path: String) {
            guard let text = value?.string else { return fail(path, "expected a string") }
            if !allowed.contains(text) { fail(path, "'\(text)' is not one of \(allowed.sorted())") }
        }
        func message(_ value: JSONValue?, _ path: String) {
            // message: anyOf required text / required id; Pedigree writes plain text only.
            guard let object = value?.object else { return fail(path, "expected a message object") }
            string(object["text"], path + ".text")
            if object["markdown"] != nil { fail(path, "messages must be plain text, found markdown") }
        }
        func physicalLocation(_ value: JSONValue?, _ path: String) {
            guard let object = value?.object else { return fail(path, "expected an object") }
            // physicalLocation: anyOf address / artifactLocation.
            guard let artifact = object["artifactLocation"]?.object else { return fail(path, "expected artifactLocation") }
            string(artifact["uri"], path + ".artifactLocation.uri")
            if let uri = artifact["uri"]?.string, uri.contains(" ") { fail(path, "uri '\(uri)' is not percent-encoded") }
            if let region = object["region"]?.object {
                // region: anyOf startLine / charOffset / byteOffset.
                if region["startLine"] == nil, region["charOffset"] == nil, region["byteOffset"] == nil {
                    fail(path + ".region", "expected startLine, charOffset or byteOffset")
                }
                if region["startLine"] != nil { integer(region["startLine"], path + ".region.startLine", minimum: 1) }
                if region["startColumn"] != nil { integer(region["startColumn"], path + ".region.startColumn", minimum: 1) }
            }
        }
        let levels: Set<String> = ["none", "note", "warning", "error"]
        guard let root = log.object else { return ["$: expected an object"] }
        oneOf(root["version"], ["2.1.0"], "$.version")
        string(root["$schema"], "$.$schema")
        guard let runs = root["runs"]?.array else { return problems + ["$.runs: expected an array"] }
        for (r, run) in runs.enumerated() {
            let path = "$.runs[\(r)]"
            guard let driver = run["tool"]?["driver"] else {
                fail(path, "expected tool.driver")
                continue
            }
            string(driver["name"], path + ".tool.driver.name")
            let rules = driver["rules"]?.array ?? []
            var ids: [String] = []
            for (i, rule) in rules.enumerated() {
                let rulePath = path + ".tool.driver.rules[\(i)]"
                string(rule["id"], rulePath + ".id")
                ids.append(rule["id"]?.string ?? "")
                for key in ["shortDescription", "fullDescription", "help"] where rule[key] != nil {
                    string(rule[key]?["text"], rulePath + "." + key + ".text")
                }
                if let level = rule["defaultConfiguration"]?["level"] { oneOf(level, levels, rulePath + ".defaultConfiguration.level") }
            }
            if Set(ids).count != ids.count { fail(path + ".tool.driver.rules", "rule ids are not unique") }
            if let columnKind = run["columnKind"] { oneOf(columnKind, ["utf16CodeUnits", "unicodeCodePoints"], path + ".columnKind") }
            for (i, invocation) in (run["invocations"]?.array ?? []).enumerated() {
                if invocation["executionSuccessful"]?.bool == nil {
                    fail(path + ".invocations[\(i)].executionSuccessful", "expected a boolean")
                }
                for (n, notification) in (invocation["toolExecutionNotifications"]?.array ?? []).enumerated() {
                    let notificationPath = path + ".invocations[\(i)].toolExecutionNotifications[\(n)]"
                    message(notification["message"], notificationPath + ".message")
                    if let level = notification["level"] { oneOf(level, levels, notificationPath + ".level") }
                }
            }
            guard let results = run["results"]?.array else {
                fail(path + ".results", "expected an array")
                continue
            }
            for (i, result) in results.enumerated() {
                let resultPath = path + ".results[\(i)]"
                message(result["message"], resultPath + ".message")
                string(result["ruleId"], resultPath + ".ruleId")
                if let index = result["ruleIndex"]?.int {
                    if !ids.indices.contains(index) || ids[index] != result["ruleId"]?.string {
                        fail(resultPath + ".ruleIndex", "does not point at the rule '\(result["ruleId"]?.string ?? "")'")
                    }
                }
                if let level = result["level"] { oneOf(level, levels, resultPath + ".level") }
                for (l, location) in (result["locations"]?.array ?? []).enumerated() {
                    physicalLocation(location["physicalLocation"], resultPath + ".locations[\(l)].physicalLocation")
                }
                for (l, location) in (result["relatedLocations"]?.array ?? []).enumerated() {
                    integer(location["id"], resultPath + ".relatedLocations[\(l)].id", minimum: -1)
                    physicalLocation(location["physicalLocation"], resultPath + ".relatedLocations[\(l)].physicalLocation")
                    if location["message"] != nil { message(location["message"], resultPath + ".relatedLocations[\(l)].message") }
                }
                if let fingerprints = result["partialFingerprints"] {
                    guard let members = fingerprints.object?.members else {
                        fail(resultPath + ".partialFingerprints", "expected an object")
                        continue
                    }
                    for member in members where member.value.string == nil {
                        fail(resultPath + ".partialFingerprints." + member.key, "expected a string")
                    }
                }
                if let state = result["baselineState"] {
                    oneOf(state, ["new", "unchanged", "updated", "absent"], resultPath + ".baselineState")
                }
                for (s, suppression) in (result["suppressions"]?.array ?? []).enumerated() {
                    oneOf(suppression["kind"], ["inSource", "external"], resultPath + ".suppressions[\(s)].kind")
                    if let status = suppression["status"] {
                        oneOf(status, ["accepted", "underReview", "rejected"], resultPath + ".suppressions[\(s)].status")
                    }
                }
            }
        }
        return problems
    }
}
