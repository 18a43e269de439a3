package org.safeguarding.rules.tables;

import org.safeguarding.rules.api.Workbook;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;

/**
 * docs/rules.md is generated from the shipped tables and must match them, so the documented
 * rules cannot drift from the ones that run. Regenerate with
 * {@code mvn -pl rules-core test -Dtest=RulesDocTest -Drules.doc.write=true}.
 */
class RulesDocTest {
    private static final Path DOC = Path.of("..", "docs", "rules.md");

    @Test
    void docs_rules_md_matches_the_shipped_tables() throws Exception {
        RuleTables tables = WorkbookReader.read(List.of(new Workbook(EditedWorkbook.NAME, EditedWorkbook.shippedBytes()))).tables().orElseThrow();
        String rendered = MarkdownRenderer.render(tables);
        if (Boolean.getBoolean("rules.doc.write")) {
            Files.writeString(DOC, rendered);
        }
        assertThat(DOC).as("docs/rules.md is out of date: regenerate it (see this test's comment)").hasContent(rendered);
        for (RuleRow row : tables.pathwayRows()) {
            assertThat(rendered).contains("| " + row.id() + " | ");
        }
    }
}
