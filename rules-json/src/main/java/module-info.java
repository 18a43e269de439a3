/**
 * The wire format of decision model section 5, both ways, for applications that embed the
 * library: {@code org.safeguarding.rules.json}, with a Jackson module for an application's own
 * mapper. The package of Jackson trees ({@code tree}) is the service's and bin/rules', which use
 * the jar on the class path; it is not exported.
 */
module org.safeguarding.rules.json {
    exports org.safeguarding.rules.json;

    requires transitive org.safeguarding.rules.core;
    requires transitive com.fasterxml.jackson.databind;

    provides com.fasterxml.jackson.databind.Module with org.safeguarding.rules.json.SafeguardingJsonModule;
}
