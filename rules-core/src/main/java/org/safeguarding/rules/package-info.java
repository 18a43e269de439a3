/**
 * The library's entry points: {@link org.safeguarding.rules.DecisionEngine} to decide,
 * {@link org.safeguarding.rules.RuleSet} to build, prove, review and compare workbooks,
 * {@link org.safeguarding.rules.Scenarios} to read scenario workbooks and
 * {@link org.safeguarding.rules.Tables} to describe the template. The values they take and give
 * are in {@link org.safeguarding.rules.api}.
 */
package org.safeguarding.rules;
