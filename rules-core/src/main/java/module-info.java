/**
 * The safeguarding decision library. Embedders use {@code org.safeguarding.rules} (the entry
 * points: {@code DecisionEngine}, {@code RuleSet}, {@code Scenarios}, {@code Tables}) and
 * {@code org.safeguarding.rules.api} (the values they take and give) and nothing else: the other
 * packages are the product's own and may change in any release, so the compiler keeps them out of
 * reach (docs/architecture.md says what each holds). The values are at the bottom and the entry
 * points at the top, so no package depends on itself through another ({@code NoPackageCycleTest}).
 *
 * <p>Drools and Apache POI build rule sets from workbooks; deciding with proven tables needs
 * neither, so they are static (optional) here, and {@code org.safeguarding:rules-builder} brings
 * them. The rules Drools writes read the facts and record what fired at run time, hence the
 * engine package is open (never exported: nothing compiles against it). The shipped tables'
 * proven index, the build's identity and the shipped scenarios are resources of the root package.
 */
module org.safeguarding.rules.core {
    exports org.safeguarding.rules;
    exports org.safeguarding.rules.api;

    // The shipped workbooks (resources only): the bundled tables and the key of their proven index.
    requires org.safeguarding.decision.tables;

    opens org.safeguarding.rules;
    opens org.safeguarding.rules.engine;

    requires static org.kie.api;
    requires static org.kie.internal.api;
    requires static org.apache.poi.poi;
    requires static org.apache.poi.ooxml;
    requires java.xml;
}
