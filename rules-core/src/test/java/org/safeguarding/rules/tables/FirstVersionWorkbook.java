package org.safeguarding.rules.tables;

import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.apache.poi.ss.usermodel.BorderStyle;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.DataValidation;
import org.apache.poi.ss.usermodel.DataValidationHelper;
import org.apache.poi.ss.usermodel.FillPatternType;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.IndexedColors;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.VerticalAlignment;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.ss.util.CellRangeAddressList;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

/**
 * Wrote the first version of decision-tables/safeguarding-rules.drl.xlsx. Kept for the
 * record only: the build never runs it, and the committed workbook (edited by safeguarding
 * leads) is the source of truth. Running it again would overwrite their edits.
 */
public final class FirstVersionWorkbook {

    private static final String NSPCC = "NSPCC, Sexting: advice for professionals (2018)";
    private static final String UKCIS = "UKCIS, Sharing nudes and semi-nudes: advice for education settings (2020, updated 2024)";
    private static final String C_999 = NSPCC + ", If a child is in immediate danger: contact the police on 999";
    private static final String C_WORRIED = NSPCC + ", Worried but not in immediate danger: share your concerns (child protection services, police, CEOP, NSPCC Helpline)";
    private static final String C_HANDLE = NSPCC + ", If a child speaks out: not intended to cause harm and everyone consented, you may handle it within the organisation";
    private static final String C_FIND_OUT = NSPCC + ", If a child speaks out: try and find out";
    private static final String C_DONT_LOOK = NSPCC + ", If a child speaks out: avoid looking at the image, video or message";
    private static final String C_ISOLATE = NSPCC + ", If a child speaks out: isolate a device belonging to your organisation";
    private static final String C_RECORD = NSPCC + ", If a child speaks out: the person responsible for child protection records the incident in writing";
    private static final String C_REVIEW = NSPCC + ", If a child speaks out: review what happened and how it was dealt with";
    private static final String C_SUPPORT = NSPCC + ", Continued support: ongoing support; involve parents unless there is a risk; counselling";
    private static final String C_REMOVE = NSPCC + ", Getting an explicit image removed";
    private static final String C_HELPLINE = NSPCC + ", Worried but not in immediate danger: contact the NSPCC Helpline on 0808 800 5000";
    private static final String C_CEOP = NSPCC + ", Worried but not in immediate danger: inform CEOP";
    private static final String C_U1 = UKCIS + ", initial review, immediate referral criterion 1: the incident involves an adult";
    private static final String C_U2C = UKCIS + ", initial review, immediate referral criterion 2: coercion, blackmail or grooming";
    private static final String C_U2K = UKCIS + ", initial review, immediate referral criterion 2: concerns about capacity to consent";
    private static final String C_U3 = UKCIS + ", initial review, immediate referral criterion 3: sexual acts unusual for the developmental stage, or violence";
    private static final String C_U4 = UKCIS + ", initial review, immediate referral criterion 4: sexual acts and a pupil under 13";
    private static final String C_U5 = UKCIS + ", initial review, immediate referral criterion 5: immediate risk of harm, e.g. suicidal or self-harming";
    private static final String C_UNONE = UKCIS + ", initial review: if no criterion applies, the setting may respond without police or children's social care";
    private static final String C_EVIDENCE = UKCIS + ", deletion is for incidents handled in school; where the police are involved, evidence is preserved";
    private static final String C_NEVER_VIEW = UKCIS + ", staff never view, copy, print, share, store or save the imagery";
    private static final String C_PROFIT = "College of Policing, briefing on nude and semi-nude images: a profit motive calls for a full criminal investigation";
    private static final String C_PARENTS = NSPCC + ", Continued support: involve parents, unless there is a risk";

    private final XSSFWorkbook workbook = new XSSFWorkbook();
    private final CellStyle header;
    private final CellStyle wrap;
    private final CellStyle title;

    private FirstVersionWorkbook() {
        Font bold = workbook.createFont();
        bold.setBold(true);
        bold.setColor(IndexedColors.WHITE.getIndex());
        header = workbook.createCellStyle();
        header.setFont(bold);
        header.setFillForegroundColor(IndexedColors.DARK_TEAL.getIndex());
        header.setFillPattern(FillPatternType.SOLID_FOREGROUND);
        header.setWrapText(true);
        header.setVerticalAlignment(VerticalAlignment.TOP);
        header.setBorderBottom(BorderStyle.MEDIUM);
        wrap = workbook.createCellStyle();
        wrap.setWrapText(true);
        wrap.setVerticalAlignment(VerticalAlignment.TOP);
        Font big = workbook.createFont();
        big.setBold(true);
        big.setFontHeightInPoints((short) 14);
        title = workbook.createCellStyle();
        title.setFont(big);
    }

    public static void main(String[] args) throws Exception {
        Path out = Path.of(args.length > 0 ? args[0] : "decision-tables/safeguarding-rules.drl.xlsx");
        FirstVersionWorkbook book = new FirstVersionWorkbook();
        book.readMe();
        book.ruleSheet(TableTemplate.PATHWAY, pathwayRows());
        book.ruleSheet(TableTemplate.ACTIONS, actionRows());
        book.ruleSheet(TableTemplate.QUESTIONS, questionRows());
        book.listSheet(TableTemplate.ACTION_TEXTS_SHEET, List.of("Action", "What to do (use {NAME} for a number from the Contacts sheet)"),
                new int[] {32, 110}, actionTexts());
        book.listSheet(TableTemplate.QUESTION_TEXTS_SHEET, List.of("Ask about", "Question", "Why it matters"),
                new int[] {26, 70, 70}, questionTexts());
        book.listSheet(TableTemplate.SUMMARIES_SHEET, List.of("Pathway", "Provisional?", "Summary (one sentence a DSL can read aloud)"),
                new int[] {22, 14, 120}, summaries());
        book.listSheet(TableTemplate.CONTACTS_SHEET, List.of("Name", "Value", "What it is"),
                new int[] {28, 60, 70}, contacts());
        Files.createDirectories(out.toAbsolutePath().getParent());
        try (OutputStream os = Files.newOutputStream(out)) {
            book.workbook.write(os);
        }
        System.out.println("wrote " + out);
    }

    private void readMe() {
        Sheet sheet = workbook.createSheet(TableTemplate.READ_ME_SHEET);
        sheet.setColumnWidth(0, 160 * 256);
        printLandscapeOnePageWide(sheet);
        String[] lines = {
            "Safeguarding decision tables: sharing of nudes and semi-nudes",
            "",
            "These tables decide what the designated safeguarding lead (DSL) is told to do when a child has shared, or been sent, a sexual image, video or message.",
            "They are the source of truth: the software reads them as they are. Edit them here, then check them before they go live (see docs/editing-tables.md).",
            "",
            "THE SHEETS",
            "Pathway: which pathway applies (EMERGENCY, ESCALATE, HANDLE_INTERNALLY). Every row whose conditions all match applies; the most severe pathway wins.",
            "Actions: which actions to recommend. Every row whose conditions match adds its action; the order comes from the Action texts sheet.",
            "Questions: which questions to ask while facts are not yet known. The order comes from the Question texts sheet.",
            "Action texts, Question texts, Summaries: the words the DSL reads. Contacts: the numbers and addresses the texts use, e.g. {NSPCC_HELPLINE}.",
            "",
            "HOW TO READ A RULE ROW",
            "Each condition cell is YES, NO, UNKNOWN (not yet known) or another value from its drop-down. A blank cell means any value.",
            "A row applies when every filled-in condition matches. Each row has an ID (e.g. P-03), a plain description and the guidance it comes from.",
            "",
            "HOW TO EDIT",
            "Change only the white rows under the coloured header. Use the drop-downs; do not type values that are not in them.",
            "To add a rule, insert a row inside the table (no blank rows: a blank row ends the table), give it a new ID, a description and a guidance citation.",
            "To change what the DSL reads, edit the Action texts, Question texts or Summaries sheets. Put your local authority's children's services number on the Contacts sheet.",
            "Do not unhide rows or change the hidden rows above the headers, rename sheets, add formulas or add sheets: the checks refuse such workbooks.",
            "",
            "SAFETY",
            "You may make the tables stricter (more reasons to escalate). You may not make them laxer than the guidance: the checks prove this over every combination of facts",
            "and refuse tables in which, for example, a child in immediate danger does not get EMERGENCY or missing consent can be handled within the organisation.",
        };
        for (int i = 0; i < lines.length; i++) {
            Cell cell = sheet.createRow(i).createCell(0);
            cell.setCellValue(lines[i]);
            cell.setCellStyle(i == 0 ? title : (lines[i].equals(lines[i].toUpperCase()) && !lines[i].isEmpty() ? headerFontOnly() : wrap));
        }
    }

    private CellStyle headerFontOnly() {
        CellStyle style = workbook.createCellStyle();
        Font font = workbook.createFont();
        font.setBold(true);
        style.setFont(font);
        return style;
    }

    private void ruleSheet(SheetTemplate template, List<List<String>> rows) {
        Sheet sheet = workbook.createSheet(template.sheetName());
        List<ColumnSpec> columns = template.columns();
        set(sheet, SheetTemplate.RULESET_ROW, 0, "RuleSet");
        set(sheet, SheetTemplate.RULESET_ROW, 1, TableTemplate.RULESET_PACKAGE);
        set(sheet, SheetTemplate.IMPORT_ROW, 0, "Import");
        set(sheet, SheetTemplate.IMPORT_ROW, 1, TableTemplate.IMPORTS);
        set(sheet, SheetTemplate.VARIABLES_ROW, 0, "Variables");
        set(sheet, SheetTemplate.VARIABLES_ROW, 1, TableTemplate.VARIABLES);
        set(sheet, SheetTemplate.RULETABLE_ROW, 0, template.ruleTableCell());
        for (int c = 0; c < columns.size(); c++) {
            ColumnSpec column = columns.get(c);
            set(sheet, SheetTemplate.KEYWORD_ROW, c, column.kind().keyword());
            set(sheet, SheetTemplate.OBJECT_TYPE_ROW, c, "");
            set(sheet, SheetTemplate.CODE_ROW, c, column.code());
            Cell label = set(sheet, SheetTemplate.HEADER_ROW, c, column.label());
            label.setCellStyle(header);
        }
        set(sheet, SheetTemplate.OBJECT_TYPE_ROW, template.firstConditionColumn(), template.objectType());
        sheet.addMergedRegion(new CellRangeAddress(SheetTemplate.OBJECT_TYPE_ROW, SheetTemplate.OBJECT_TYPE_ROW,
                template.firstConditionColumn(), template.lastConditionColumn()));
        for (int r = 0; r < rows.size(); r++) {
            List<String> values = rows.get(r);
            int lines = 1;
            for (int c = 0; c < values.size(); c++) {
                Cell cell = set(sheet, SheetTemplate.FIRST_DATA_ROW + r, c, values.get(c));
                cell.setCellStyle(wrap);
                int width = columns.get(c).kind() == ColumnKind.DESCRIPTION ? 48 : columns.get(c).kind() == ColumnKind.GUIDANCE ? 70 : 1000;
                lines = Math.max(lines, (values.get(c).length() + width - 1) / width);
            }
            // Spreadsheets do not grow rows for wrapped text written by a program, so set the height.
            sheet.getRow(SheetTemplate.FIRST_DATA_ROW + r).setHeightInPoints(lines * 15f);
        }
        printLandscapeOnePageWide(sheet);
        for (int r = SheetTemplate.RULESET_ROW; r < SheetTemplate.HEADER_ROW; r++) {
            sheet.getRow(r).setZeroHeight(true);
        }
        sheet.getRow(SheetTemplate.HEADER_ROW).setHeightInPoints(45);
        sheet.createFreezePane(2, SheetTemplate.FIRST_DATA_ROW);
        DataValidationHelper helper = sheet.getDataValidationHelper();
        int lastRow = SheetTemplate.FIRST_DATA_ROW + 199;
        for (int c = 0; c < columns.size(); c++) {
            ColumnSpec column = columns.get(c);
            int width = switch (column.kind()) {
                case ID -> 9;
                case DESCRIPTION -> 48;
                case CONDITION -> Math.max(13, column.allowed().stream().mapToInt(String::length).max().orElse(8) + 3);
                case OUTCOME -> 30;
                case GUIDANCE -> 70;
            };
            sheet.setColumnWidth(c, width * 256);
            if (!column.allowed().isEmpty()) {
                // Long lists exceed the 255 characters a spreadsheet allows inline: those come from the texts sheets.
                boolean inline = String.join(",", column.allowed()).length() < 250;
                String source = template == TableTemplate.ACTIONS ? TableTemplate.ACTION_TEXTS_SHEET : TableTemplate.QUESTION_TEXTS_SHEET;
                DataValidation validation = helper.createValidation(
                        inline ? helper.createExplicitListConstraint(column.allowed().toArray(String[]::new))
                                : helper.createFormulaListConstraint("'" + source + "'!$A$2:$A$" + (column.allowed().size() + 1)),
                        new CellRangeAddressList(SheetTemplate.FIRST_DATA_ROW, lastRow, c, c));
                validation.setShowErrorBox(true);
                validation.setEmptyCellAllowed(true);
                validation.createErrorBox("Not an allowed value", "Choose a value from the list, or leave the cell blank for 'any'.");
                sheet.addValidationData(validation);
            }
        }
        sheet.setAutoFilter(new CellRangeAddress(SheetTemplate.HEADER_ROW, SheetTemplate.HEADER_ROW, 0, columns.size() - 1));
    }

    private static void printLandscapeOnePageWide(Sheet sheet) {
        sheet.getPrintSetup().setLandscape(true);
        sheet.getPrintSetup().setFitWidth((short) 1);
        sheet.getPrintSetup().setFitHeight((short) 0);
        sheet.setFitToPage(true);
        sheet.setAutobreaks(true);
    }

    private void listSheet(String name, List<String> headers, int[] widths, List<List<String>> rows) {
        Sheet sheet = workbook.createSheet(name);
        for (int c = 0; c < headers.size(); c++) {
            set(sheet, 0, c, headers.get(c)).setCellStyle(header);
            sheet.setColumnWidth(c, widths[c] * 256);
        }
        for (int r = 0; r < rows.size(); r++) {
            int lines = 1;
            for (int c = 0; c < rows.get(r).size(); c++) {
                set(sheet, r + 1, c, rows.get(r).get(c)).setCellStyle(wrap);
                lines = Math.max(lines, (rows.get(r).get(c).length() + widths[c] - 1) / widths[c]);
            }
            sheet.getRow(r + 1).setHeightInPoints(lines * 15f);
        }
        sheet.createFreezePane(0, 1);
        printLandscapeOnePageWide(sheet);
    }

    private static Cell set(Sheet sheet, int row, int column, String value) {
        Row r = sheet.getRow(row) == null ? sheet.createRow(row) : sheet.getRow(row);
        Cell cell = r.getCell(column) == null ? r.createCell(column) : r.getCell(column);
        if (!value.isEmpty()) {
            cell.setCellValue(value);
        }
        return cell;
    }

    // Pathway columns: ID, description, 11 facts in TableTemplate.PATHWAY_FACTS order, pathway, guidance.
    private static List<String> p(String id, String description, String fact, String value, String pathway, String guidance) {
        String[] cells = new String[TableTemplate.PATHWAY.columns().size()];
        java.util.Arrays.fill(cells, "");
        cells[0] = id;
        cells[1] = description;
        List<String> inputs = TableTemplate.PATHWAY.conditionInputs();
        cells[2 + inputs.indexOf(fact)] = value;
        cells[cells.length - 2] = pathway;
        cells[cells.length - 1] = guidance;
        return List.of(cells);
    }

    private static List<List<String>> pathwayRows() {
        List<String> internal = new java.util.ArrayList<>(List.of("P-22",
                "Nobody is in danger, everyone consented and every referral criterion is ruled out: may be handled within the organisation",
                "NO", "NO", "NO", "NO", "YES", "NO", "NO", "NO", "NO", "NO", "", "HANDLE_INTERNALLY", C_HANDLE + "; " + C_UNONE));
        return List.of(
                p("P-01", "A child is in immediate danger: emergency", "immediateDanger", "YES", "EMERGENCY", C_999),
                p("P-02", "Not yet known whether a child is in immediate danger: refer until it is known", "immediateDanger", "UNKNOWN", "ESCALATE", C_WORRIED),
                p("P-03", "A young person is at immediate risk of harm because of the sharing", "selfHarmRisk", "YES", "ESCALATE", C_U5),
                p("P-04", "Not yet known whether a young person is at risk of harm", "selfHarmRisk", "UNKNOWN", "ESCALATE", C_U5),
                p("P-05", "An adult (18 or over) is involved", "adultInvolved", "YES", "ESCALATE", C_U1),
                p("P-06", "Not yet known whether an adult is involved", "adultInvolved", "UNKNOWN", "ESCALATE", C_U1),
                p("P-07", "It was made or shared to cause harm", "intendedHarm", "YES", "ESCALATE", C_HANDLE),
                p("P-08", "Not yet known whether it was meant to cause harm", "intendedHarm", "UNKNOWN", "ESCALATE", C_HANDLE),
                p("P-09", "Not every young person involved consented", "consentGiven", "NO", "ESCALATE", C_HANDLE),
                p("P-10", "Not yet known whether everyone consented", "consentGiven", "UNKNOWN", "ESCALATE", C_HANDLE),
                p("P-11", "Coercion, blackmail, threats or grooming", "coercionOrBlackmail", "YES", "ESCALATE", C_U2C),
                p("P-12", "Not yet known whether there was coercion or blackmail", "coercionOrBlackmail", "UNKNOWN", "ESCALATE", C_U2C),
                p("P-13", "Concern about a young person's capacity to consent", "capacityConcern", "YES", "ESCALATE", C_U2K),
                p("P-14", "Not yet known whether there is a capacity concern", "capacityConcern", "UNKNOWN", "ESCALATE", C_U2K),
                p("P-15", "Sexual acts unusual for the child's development, or violence", "atypicalOrViolentContent", "YES", "ESCALATE", C_U3),
                p("P-16", "Not yet known whether the content is atypical or violent", "atypicalOrViolentContent", "UNKNOWN", "ESCALATE", C_U3),
                p("P-17", "Sexual acts involving a child under 13", "under13SexualActivity", "YES", "ESCALATE", C_U4),
                p("P-18", "Not yet known whether sexual acts involve a child under 13", "under13SexualActivity", "UNKNOWN", "ESCALATE", C_U4),
                p("P-19", "Sold or traded for money or gain", "profitMotive", "YES", "ESCALATE", C_PROFIT),
                p("P-20", "Not yet known whether there was a profit motive", "profitMotive", "UNKNOWN", "ESCALATE", C_PROFIT),
                p("P-21", "Involving the parents or carers would put the child at risk", "parentalRisk", "YES", "ESCALATE", C_PARENTS + "; " + C_WORRIED),
                internal);
    }

    // Actions columns: ID, description, pathway, provisional, 6 facts in TableTemplate.ACTION_FACTS order, media type is not, action, guidance.
    private static List<String> a(String id, String description, String pathway, String provisional, String adult, String coercion,
                                  String parentalRisk, String distressed, String device, String sharing, String mediaTypeNot,
                                  String action, String guidance) {
        return List.of(id, description, pathway, provisional, adult, coercion, parentalRisk, distressed, device, sharing,
                mediaTypeNot, action, guidance);
    }

    private static List<List<String>> actionRows() {
        return List.of(
                a("A-01", "Emergency: call 999", "EMERGENCY", "", "", "", "", "", "", "", "", "CALL_999", C_999),
                a("A-02", "Emergency: then refer to children's social care", "EMERGENCY", "", "", "", "", "", "", "", "", "REFER_CHILDRENS_SOCIAL_CARE", C_999 + "; " + C_WORRIED),
                a("A-03", "Escalate: refer to children's social care", "ESCALATE", "", "", "", "", "", "", "", "", "REFER_CHILDRENS_SOCIAL_CARE", C_WORRIED),
                a("A-04", "Emergency: the police are involved", "EMERGENCY", "", "", "", "", "", "", "", "", "REPORT_TO_POLICE", C_999),
                a("A-05", "Escalate: report to the police", "ESCALATE", "", "", "", "", "", "", "", "", "REPORT_TO_POLICE", C_WORRIED),
                a("A-06", "Emergency: keep the evidence for the police", "EMERGENCY", "", "", "", "", "", "", "", "", "PRESERVE_EVIDENCE", C_EVIDENCE),
                a("A-07", "Escalate: keep the evidence for the police", "ESCALATE", "", "", "", "", "", "", "", "", "PRESERVE_EVIDENCE", C_EVIDENCE),
                a("A-08", "Emergency with an adult involved: report to CEOP", "EMERGENCY", "", "YES", "", "", "", "", "", "", "REPORT_TO_CEOP", C_CEOP),
                a("A-09", "Escalate with an adult involved: report to CEOP", "ESCALATE", "", "YES", "", "", "", "", "", "", "REPORT_TO_CEOP", C_CEOP),
                a("A-10", "Emergency with coercion or blackmail: report to CEOP", "EMERGENCY", "", "", "YES", "", "", "", "", "", "REPORT_TO_CEOP", C_CEOP),
                a("A-11", "Escalate with coercion or blackmail: report to CEOP", "ESCALATE", "", "", "YES", "", "", "", "", "", "REPORT_TO_CEOP", C_CEOP),
                a("A-12", "Provisional decision: get advice while the facts are established", "", "YES", "", "", "", "", "", "", "", "CONTACT_NSPCC_HELPLINE", C_HELPLINE),
                a("A-13", "Handled internally: under the organisation's procedures", "HANDLE_INTERNALLY", "", "", "", "", "", "", "", "", "HANDLE_WITHIN_ORGANISATION", C_HANDLE),
                a("A-14", "Handled internally: ask for the imagery to be deleted", "HANDLE_INTERNALLY", "", "", "", "", "", "", "", "", "REQUEST_DELETION", C_EVIDENCE),
                a("A-15", "Always: do not view the imagery", "", "", "", "", "", "", "", "", "", "DO_NOT_VIEW_IMAGERY", C_DONT_LOOK + "; " + C_NEVER_VIEW),
                a("A-16", "On the organisation's device: isolate it", "", "", "", "", "", "", "ORGANISATION", "", "", "ISOLATE_DEVICE", C_ISOLATE),
                a("A-17", "Always: record the incident in writing", "", "", "", "", "", "", "", "", "", "RECORD_INCIDENT", C_RECORD),
                a("A-18", "Always: ongoing support for the children", "", "", "", "", "", "", "", "", "", "ONGOING_SUPPORT", C_SUPPORT),
                a("A-19", "Always: review the incident afterwards", "", "", "", "", "", "", "", "", "", "REVIEW_INCIDENT", C_REVIEW),
                a("A-20", "No risk from parents: involve them", "", "", "", "", "NO", "", "", "", "", "INVOLVE_PARENTS", C_PARENTS),
                a("A-21", "Parents are a risk: do not tell them yet", "", "", "", "", "YES", "", "", "", "", "WITHHOLD_FROM_PARENTS", C_PARENTS),
                a("A-22", "Not yet known whether parents are a risk: find out first", "", "", "", "", "UNKNOWN", "", "", "", "", "ASSESS_PARENTAL_RISK", C_PARENTS),
                a("A-23", "The child is distressed: offer counselling", "", "", "", "", "", "YES", "", "", "", "OFFER_COUNSELLING", C_SUPPORT),
                a("A-24", "Image or video shared widely: Childline Report Remove", "", "", "", "", "", "", "", "SHARED_WIDELY", "MESSAGE", "CHILDLINE_REPORT_REMOVE", C_REMOVE),
                a("A-25", "Image or video posted online: Childline Report Remove", "", "", "", "", "", "", "", "POSTED_ONLINE", "MESSAGE", "CHILDLINE_REPORT_REMOVE", C_REMOVE),
                a("A-26", "Image or video posted online: report to the IWF", "", "", "", "", "", "", "", "POSTED_ONLINE", "MESSAGE", "REPORT_TO_IWF", C_REMOVE),
                a("A-27", "Image or video posted online: report to the hosting site", "", "", "", "", "", "", "", "POSTED_ONLINE", "MESSAGE", "REPORT_TO_HOSTING_SITE", C_REMOVE));
    }

    private static List<List<String>> questionRows() {
        String[][] spec = {
            {"immediateDanger", "Ask whether a child is in immediate danger", C_999},
            {"selfHarmRisk", "Ask whether a young person is at risk of harm", C_U5},
            {"adultInvolved", "Ask whether an adult was involved", C_FIND_OUT + "; " + C_U1},
            {"intendedHarm", "Ask whether it was meant to cause harm", C_HANDLE},
            {"consentGiven", "Ask whether everyone consented", C_HANDLE},
            {"coercionOrBlackmail", "Ask about coercion, blackmail or grooming", C_U2C},
            {"capacityConcern", "Ask about capacity to consent", C_U2K},
            {"atypicalOrViolentContent", "Ask whether the content is atypical or violent", C_U3},
            {"under13SexualActivity", "Ask whether sexual acts involve a child under 13", C_U4},
            {"profitMotive", "Ask whether it was sold or traded", C_PROFIT},
            {"parentalRisk", "Ask whether involving parents would be a risk", C_PARENTS},
            {"childDistressed", "Ask how the young person is feeling", C_FIND_OUT + "; " + C_SUPPORT},
            {"mediaType", "Ask whether it is an image, video or message", C_FIND_OUT},
            {"sharing", "Ask how widely it was shared and with whom", C_FIND_OUT},
            {"device", "Ask whether it is on an organisational or personal device", C_FIND_OUT},
        };
        List<String> inputs = TableTemplate.QUESTIONS.conditionInputs();
        int columns = TableTemplate.QUESTIONS.columns().size();
        List<List<String>> rows = new java.util.ArrayList<>();
        for (int i = 0; i < spec.length; i++) {
            String[] cells = new String[columns];
            java.util.Arrays.fill(cells, "");
            cells[0] = String.format("Q-%02d", i + 1);
            cells[1] = spec[i][1] + " while it is not known";
            cells[2 + inputs.indexOf(spec[i][0])] = "UNKNOWN";
            cells[columns - 2] = spec[i][0];
            cells[columns - 1] = spec[i][2];
            rows.add(List.of(cells));
        }
        return rows;
    }

    private static List<List<String>> actionTexts() {
        return List.of(
                List.of("CALL_999", "Call the police on {EMERGENCY_NUMBER} now. Stay with the child if it is safe to."),
                List.of("DO_NOT_VIEW_IMAGERY", "Do not look at, copy, print, share or save the image, video or message, and do not ask anyone to show or send it to you."),
                List.of("ISOLATE_DEVICE", "Isolate the organisation's device so nobody else can see it: take it off the network and lock it away; block the network for all users if you have to."),
                List.of("REFER_CHILDRENS_SOCIAL_CARE", "Refer to children's social care today: {LOCAL_CHILDRENS_SERVICES}."),
                List.of("REPORT_TO_POLICE", "Report to the police: call {POLICE_NON_EMERGENCY}, or {EMERGENCY_NUMBER} if a child is in danger."),
                List.of("PRESERVE_EVIDENCE", "Do not delete anything. Keep the device switched off and locked away for the police."),
                List.of("REPORT_TO_CEOP", "Report to CEOP (National Crime Agency): {CEOP_REPORTING}."),
                List.of("WITHHOLD_FROM_PARENTS", "Do not tell the parents or carers yet: agree with social care or the police when and how they are told."),
                List.of("CONTACT_NSPCC_HELPLINE", "Call the NSPCC Helpline on {NSPCC_HELPLINE} for advice while you establish the facts."),
                List.of("HANDLE_WITHIN_ORGANISATION", "Handle it under your organisation's child protection procedures. Record why no referral is needed, and refer at once if anything changes."),
                List.of("REQUEST_DELETION", "Ask the young people involved to delete the imagery from their devices and accounts, and record that they have."),
                List.of("ASSESS_PARENTAL_RISK", "Before contacting the parents or carers, find out whether telling them could put the child at risk."),
                List.of("INVOLVE_PARENTS", "Tell the parents or carers and involve them in supporting the child."),
                List.of("CHILDLINE_REPORT_REMOVE", "Help the young person use Childline's Report Remove ({CHILDLINE_REPORT_REMOVE}) to get the image taken down."),
                List.of("REPORT_TO_IWF", "Report the image to the Internet Watch Foundation: {IWF_REPORTING}."),
                List.of("REPORT_TO_HOSTING_SITE", "Report the image to the site or app hosting it and ask for it to be removed."),
                List.of("OFFER_COUNSELLING", "Offer a referral to a counselling service. The child can also talk to Childline on {CHILDLINE_PHONE}."),
                List.of("ONGOING_SUPPORT", "Plan ongoing support for every child involved."),
                List.of("RECORD_INCIDENT", "Record in writing what happened, what you decided and why (the DSL or the person responsible for child protection)."),
                List.of("REVIEW_INCIDENT", "Afterwards, review what happened and how it was handled, and improve your procedures."));
    }

    private static List<List<String>> questionTexts() {
        return List.of(
                List.of("immediateDanger", "Is any child in immediate danger right now?", "If so, call 999 now. Until you know, treat this as a referral."),
                List.of("selfHarmRisk", "Is any young person at risk of harm because of the sharing, for example talking about suicide or self-harm?", "A child at immediate risk of harm must be referred to children's social care or the police."),
                List.of("adultInvolved", "Was anyone aged 18 or over involved in making, asking for, receiving, holding or sharing it?", "Any adult involvement is child sexual abuse: it goes to the police, and to CEOP."),
                List.of("intendedHarm", "Was it made or shared to hurt, humiliate, bully or get revenge on someone?", "Only imagery not meant to cause harm can be handled within the organisation."),
                List.of("consentGiven", "Did every young person involved agree to it being made and to each time it was shared?", "Without everyone's consent it cannot be handled within the organisation."),
                List.of("coercionOrBlackmail", "Is there any sign of pressure, threats, blackmail or grooming?", "Coercion, blackmail or grooming must be referred to children's social care and the police."),
                List.of("capacityConcern", "Is there any doubt that a young person involved could consent, for example because of special educational needs?", "A concern about capacity to consent must be referred."),
                List.of("atypicalOrViolentContent", "From what you have been told (do not look), does it show sexual acts unusual for the child's age, or violence?", "Atypical or violent content must be referred."),
                List.of("under13SexualActivity", "Does it involve sexual acts, and is any child in it under 13?", "Sexual acts involving a child under 13 must be referred."),
                List.of("profitMotive", "Was it sold or traded for money, gifts or anything else?", "A profit motive points to exploitation and needs a police investigation."),
                List.of("parentalRisk", "Would telling the parents or carers put the child at risk?", "Parents are involved unless that puts the child at risk; then social care or the police decide when they are told."),
                List.of("mediaType", "Is it an image, a video or a text message?", "Images and videos can be reported for removal."),
                List.of("childDistressed", "How is the young person feeling? Are they distressed or anxious?", "A distressed child may need a counselling referral as well as support."),
                List.of("sharing", "How widely has it been shared, with whom, and is it online?", "Imagery shared widely or posted online should be reported for removal."),
                List.of("device", "Is it on a device that belongs to the organisation, or on a personal one?", "An organisation's device must be isolated so nobody else sees the imagery."));
    }

    private static List<List<String>> summaries() {
        String emergency = "A child is in immediate danger: call the police on 999 now, then refer to children's social care.";
        return List.of(
                List.of("EMERGENCY", "NO", emergency),
                List.of("EMERGENCY", "YES", emergency),
                List.of("ESCALATE", "NO", "Refer this to children's social care and the police today: it meets the criteria for a referral, so it must not be handled only within the organisation."),
                List.of("ESCALATE", "YES", "Treat this as a referral to children's social care and the police while you find out what is not yet known: the answers may change the pathway."),
                List.of("HANDLE_INTERNALLY", "NO", "This may be handled within the organisation: nobody is in danger and every reason to refer has been ruled out. Record your reasons and refer if anything changes."),
                List.of("HANDLE_INTERNALLY", "YES", "This may be handled within the organisation once you have checked that telling the parents or carers would not put the child at risk. Record your reasons."));
    }

    private static List<List<String>> contacts() {
        return List.of(
                List.of("EMERGENCY_NUMBER", "999", "Police, ambulance, fire: emergencies"),
                List.of("POLICE_NON_EMERGENCY", "101", "Police, when it is not an emergency"),
                List.of("NSPCC_HELPLINE", "0808 800 5000", "NSPCC Helpline: advice for adults worried about a child, 24/7"),
                List.of("LOCAL_CHILDRENS_SERVICES", "[number not set: add your local authority's children's services number on the Contacts sheet]", "Your local authority's children's services (front door / MASH). Fill this in."),
                List.of("CEOP_REPORTING", "www.ceop.police.uk/safety-centre", "CEOP (National Crime Agency): reports of online sexual abuse or grooming"),
                List.of("IWF_REPORTING", "report.iwf.org.uk", "Internet Watch Foundation: reports of child sexual abuse imagery online"),
                List.of("CHILDLINE_REPORT_REMOVE", "childline.org.uk/remove", "Childline and IWF Report Remove: a young person reports their own image for removal"),
                List.of("CHILDLINE_PHONE", "0800 1111", "Childline: free, confidential support for children"));
    }
}
