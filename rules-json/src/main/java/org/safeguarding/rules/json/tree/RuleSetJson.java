package org.safeguarding.rules.json.tree;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.safeguarding.rules.api.RuleSetInfo;

/** The active rule set as JSON: version, sha256, when it was loaded, its tables and rule counts. */
public final class RuleSetJson {
    private RuleSetJson() {
    }

    public static ObjectNode toJson(RuleSetInfo info) {
        ObjectNode json = JsonNodeFactory.instance.objectNode();
        json.put("version", info.version()).put("sha256", info.sha256()).put("loadedAt", info.loadedAt().toString());
        ArrayNode tables = json.putArray("tables");
        for (RuleSetInfo.Table table : info.tables()) {
            tables.addObject().put("name", table.name()).put("workbook", table.workbook()).put("rules", table.rules());
        }
        ArrayNode warnings = json.putArray("setupWarnings");
        for (org.safeguarding.rules.api.Problem p : info.setupWarnings()) {
            warnings.addObject().put("workbook", p.workbook()).put("sheet", p.sheet()).put("cell", p.cell()).put("message", p.message());
        }
        return json;
    }
}
