package org.safeguarding.rules.cli;

import java.io.InputStream;
import java.io.PrintStream;
import java.util.List;
import java.util.Optional;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.safeguarding.rules.Tables;
import org.safeguarding.rules.api.Workbook;

/**
 * {@code bin/rules render DIR|FILE}: the tables as Markdown for review ({@code --json}: every
 * row as data). With {@code --textconv}
 * it always exits 0, as git's diff text conversion needs (a broken workbook renders as its
 * problems).
 */
final class RenderCommand implements Main.Command {

    @Override
    public String summary() {
        return "print the tables as Markdown for review (DIR|FILE; --textconv for git diff)";
    }

    @Override
    public int run(List<String> argv, InputStream in, PrintStream out, PrintStream err) {
        CliSupport.Args args = CliSupport.Args.parse(argv);
        Optional<List<Workbook>> workbooks = CliSupport.singleTablesArgument(args, "render",
                "bin/rules render DIR|FILE [--textconv] [--json]", err);
        if (workbooks.isEmpty()) {
            return args.textconv() && args.positional().size() == 1 ? Main.OK : Main.BAD_INPUT;
        }
        Tables.Read read = Tables.read(workbooks.get());
        if (args.json()) {
            ObjectNode json = CliSupport.NODES.objectNode().put("command", "render").put("ok", read.tables().isPresent());
            json.set("problems", org.safeguarding.rules.json.tree.ReviewJson.problems(read.problems()));
            read.tables().ifPresent(tables -> json.set("tables", tablesJson(tables)));
            out.println(json.toPrettyString());
            return read.tables().isPresent() ? Main.OK : Main.FOUND_PROBLEMS;
        }
        if (read.tables().isEmpty()) {
            out.println("# The workbook cannot be rendered\n");
            read.problems().forEach(p -> out.println("- " + p));
            return args.textconv() ? Main.OK : Main.FOUND_PROBLEMS;
        }
        out.print(read.tables().get().markdown());
        return Main.OK;
    }

    /** Every rule row, keyed by table, with its conditions, outcome and citation. */
    private static ObjectNode tablesJson(Tables tables) {
        ObjectNode json = CliSupport.NODES.objectNode().put("sha256", tables.sha256());
        tables.rows().forEach((sheet, rows) -> {
            ArrayNode list = json.putArray(sheet);
            for (Tables.Row row : rows) {
                ObjectNode node = list.addObject().put("id", row.id()).put("row", row.excelRow())
                        .put("description", row.description()).put("outcome", row.outcome()).put("guidance", row.guidance());
                node.set("conditions", CliSupport.mapJson(row.conditions()));
            }
        });
        return json;
    }
}
