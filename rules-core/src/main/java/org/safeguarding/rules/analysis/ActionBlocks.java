package org.safeguarding.rules.analysis;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

import org.safeguarding.rules.api.ActionCode;
import org.safeguarding.rules.api.Fact;
import org.safeguarding.rules.tables.RuleRow;

/**
 * The facts only the Actions table reads (the "free" facts), split into blocks that nothing ties
 * across: no row reads facts of two blocks, no link joins two, and no check reads what two of them
 * decide. Whether an action is served depends only on the facts its rows read (the served actions
 * are the union of what each row that fires gives), so a check that reads some actions and some
 * facts depends on one block at most, besides the facts the Pathway table reads. Each block is then
 * walked over its own classes with the others held still, and the Actions step of the proof grows
 * as the sum of the blocks' classes instead of their product.
 */
final class ActionBlocks {
    /** The checks that read no free fact at all, run once per group of Pathway combinations. */
    static final int NONE = -1;

    /** What one check reads: whether some actions are served, and some facts. */
    record Unit(Set<ActionCode> codes, Set<Fact> facts) {
        static Unit of(Set<ActionCode> codes, Fact... facts) {
            return new Unit(codes.isEmpty() ? EnumSet.noneOf(ActionCode.class) : EnumSet.copyOf(codes),
                    facts.length == 0 ? EnumSet.noneOf(Fact.class) : EnumSet.copyOf(Arrays.asList(facts)));
        }
    }

    private final List<List<Fact>> blocks = new ArrayList<>();
    private final int[] blockOfFact = new int[Fact.values().length];
    private final int[] blockOfCode = new int[ActionCode.values().length];

    /**
     * @param free  the facts only the Actions table reads
     * @param rows  the Actions and Policy rows (a row ties the facts it reads to the action it gives)
     * @param units every check the Actions step makes
     */
    ActionBlocks(List<Fact> free, List<RuleRow> rows, List<Unit> units) {
        int[] parent = new int[Fact.values().length];
        Arrays.setAll(parent, i -> i);
        List<Set<Fact>> readFor = new ArrayList<>();
        for (int i = 0; i < ActionCode.values().length; i++) {
            readFor.add(EnumSet.noneOf(Fact.class));
        }
        for (RuleRow row : rows) {
            Set<Fact> read = EnumSet.noneOf(Fact.class);
            row.conditions().keySet().forEach(input -> Fact.byFieldName(input).filter(free::contains).ifPresent(read::add));
            join(parent, read);
            code(row.outcome()).ifPresent(code -> readFor.get(code.ordinal()).addAll(read));
        }
        for (Set<Fact> read : readFor) {
            join(parent, read);
        }
        for (FactSpace.Link link : FactSpace.LINKS) {
            join(parent, EnumSet.of(link.given(), link.implied()).stream().filter(free::contains).toList());
        }
        for (Unit unit : units) {
            Set<Fact> read = EnumSet.noneOf(Fact.class);
            unit.facts().stream().filter(free::contains).forEach(read::add);
            unit.codes().forEach(code -> read.addAll(readFor.get(code.ordinal())));
            join(parent, read);
        }
        Arrays.fill(blockOfFact, NONE);
        int[] blockOfRoot = new int[Fact.values().length];
        Arrays.fill(blockOfRoot, NONE);
        for (Fact fact : free) {
            int root = root(parent, fact.ordinal());
            if (blockOfRoot[root] == NONE) {
                blockOfRoot[root] = blocks.size();
                blocks.add(new ArrayList<>());
            }
            blockOfFact[fact.ordinal()] = blockOfRoot[root];
            blocks.get(blockOfRoot[root]).add(fact);
        }
        for (ActionCode code : ActionCode.values()) {
            blockOfCode[code.ordinal()] = readFor.get(code.ordinal()).stream().mapToInt(f -> blockOfFact[f.ordinal()]).max().orElse(NONE);
        }
    }

    private static java.util.Optional<ActionCode> code(String outcome) {
        return Arrays.stream(ActionCode.values()).filter(c -> c.name().equals(outcome)).findFirst();
    }

    private static void join(int[] parent, java.util.Collection<Fact> facts) {
        Fact first = null;
        for (Fact fact : facts) {
            if (first == null) {
                first = fact;
            } else {
                parent[root(parent, fact.ordinal())] = root(parent, first.ordinal());
            }
        }
    }

    private static int root(int[] parent, int i) {
        while (parent[i] != i) {
            i = parent[i];
        }
        return i;
    }

    /** The blocks, each a list of free facts. */
    List<List<Fact>> blocks() {
        return blocks;
    }

    /** The block whose facts decide whether this action is served, or {@link #NONE}. */
    int ofCode(ActionCode code) {
        return blockOfCode[code.ordinal()];
    }

    /**
     * The block a check depends on, or {@link #NONE}.
     *
     * @throws IllegalStateException for a check that was not declared to the constructor, whose facts could span two blocks
     */
    int of(Unit unit) {
        int block = NONE;
        for (Fact fact : unit.facts()) {
            block = same(block, blockOfFact[fact.ordinal()], unit);
        }
        for (ActionCode code : unit.codes()) {
            block = same(block, blockOfCode[code.ordinal()], unit);
        }
        return block;
    }

    private static int same(int block, int other, Unit unit) {
        if (other == NONE || other == block) {
            return block;
        }
        if (block != NONE) {
            throw new IllegalStateException("a check reads two blocks of facts, so it was not declared: " + unit);
        }
        return other;
    }
}
