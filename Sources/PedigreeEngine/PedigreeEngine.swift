// PedigreeEngine: propagation of license terms along the lineage graph, OR choices and the rules.
