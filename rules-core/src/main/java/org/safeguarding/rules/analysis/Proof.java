package org.safeguarding.rules.analysis;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.safeguarding.rules.api.ActionCode;
import org.safeguarding.rules.api.Answer;
import org.safeguarding.rules.api.Fact;
import org.safeguarding.rules.api.Reason;
import org.safeguarding.rules.engine.FactVector;
import org.safeguarding.rules.engine.Decider;
import org.safeguarding.rules.tables.RuleRow;
import org.safeguarding.rules.tables.RuleTables;
import org.safeguarding.rules.tables.SheetTemplate;

/**
 * What the checks of one analysis share: the function under proof and its tables, the findings,
 * the rules seen to fire (for the hygiene report), the age band, and which block of the Actions
 * step's facts is being walked (a check is made in the walk of the block it reads, and only there).
 */
final class Proof {
    final Decider decider;
    final RuleTables tables;
    final Findings findings;
    final Map<String, RuleRow> rowsById = new HashMap<>();
    final Set<String> fired = new HashSet<>();
    /** The youngest child's age being analysed (see {@link Decider#policyAges()}). */
    int youngest = Integer.MAX_VALUE;
    private ActionBlocks blocks;
    private int pass = ActionBlocks.NONE;

    Proof(Decider decider) {
        this.decider = decider;
        this.tables = decider.tables();
        this.findings = new Findings(tables);
        for (SheetTemplate sheet : SafetyAnalyser.RULES_AND_POLICY) {
            tables.rows(sheet).forEach(row -> rowsById.put(row.id(), row));
        }
    }

    void walkIn(ActionBlocks blocks) {
        this.blocks = blocks;
    }

    ActionBlocks blocks() {
        return blocks;
    }

    void pass(int block) {
        pass = block;
    }

    int pass() {
        return pass;
    }

    boolean inPass(ActionBlocks.Unit unit) {
        return blocks.of(unit) == pass;
    }

    boolean inPass(ActionCode code) {
        return blocks.ofCode(code) == pass;
    }

    static List<String> ruleIds(Reason[] reasons) {
        List<String> ids = new ArrayList<>(reasons.length);
        for (Reason reason : reasons) {
            ids.add(reason.rule());
        }
        return ids;
    }

    /** Of the rules that fired, those that give this action (the rows to change). */
    List<String> rulesGiving(List<String> fired, ActionCode code) {
        List<String> giving = fired.stream().filter(id -> rowsById.containsKey(id) && rowsById.get(id).outcome().equals(code.name())).toList();
        return giving.isEmpty() ? fired : giving;
    }

    /** Parents may be told only when they are no risk and neither the LADO nor the police must first agree what they hear. */
    static boolean parentsMayBeTold(FactVector values, List<ActionCode> actions) {
        return values.answer(Fact.PARENTAL_RISK) == Answer.NO && !actions.contains(ActionCode.REFER_LADO)
                && !actions.contains(ActionCode.REPORT_TO_POLICE) && !actions.contains(ActionCode.CALL_999);
    }
}
