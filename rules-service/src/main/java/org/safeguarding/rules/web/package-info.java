/**
 * The HTTP facade: maps requests to {@code rules-core} and back, with no rules logic of its own.
 * Never logs incident facts or callers' references: only decision IDs, rule set versions,
 * outcomes and timings.
 */
package org.safeguarding.rules.web;
