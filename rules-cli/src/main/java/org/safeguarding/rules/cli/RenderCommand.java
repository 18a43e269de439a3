package org.safeguarding.rules.cli;

import java.io.InputStream;
import java.io.PrintStream;
import java.util.List;

import org.safeguarding.rules.tables.MarkdownRenderer;
import org.safeguarding.rules.tables.Workbook;
import org.safeguarding.rules.tables.WorkbookReader;

/**
 * {@code bin/rules render DIR|FILE}: the tables as Markdown for review. With {@code --textconv}
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
        if (args.positional().size() != 1 || !args.unknown().isEmpty() || args.json()) {
            err.println("usage: bin/rules render DIR|FILE [--textconv]");
            return Main.BAD_INPUT;
        }
        List<Workbook> workbooks;
        try {
            workbooks = CliSupport.load(args.positional().get(0));
        } catch (CliSupport.UsageException e) {
            err.println("rules render: " + e.getMessage());
            return args.textconv() ? Main.OK : Main.BAD_INPUT;
        }
        WorkbookReader.Result read = WorkbookReader.read(workbooks);
        if (read.tables().isEmpty()) {
            out.println("# The workbook cannot be rendered\n");
            read.problems().forEach(p -> out.println("- " + p));
            return args.textconv() ? Main.OK : Main.FOUND_PROBLEMS;
        }
        out.print(MarkdownRenderer.render(read.tables().get()));
        return Main.OK;
    }
}
