/**
 * The service's rule sets as a domain, apart from HTTP: which one is active, the candidates leads
 * upload and their checks, activation and roll back, following the store's pointer when replicas
 * share a store, and the loaded rule sets kept in memory. The web package is a thin layer over
 * {@link org.safeguarding.rules.rulesets.RuleSets}; the store is chosen by configuration in
 * {@link org.safeguarding.rules.rulesets.StoreChoice}.
 */
package org.safeguarding.rules.rulesets;
