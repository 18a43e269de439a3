/**
 * Rule set versions on disk: immutable, named by their SHA-256, written so that a crash or a
 * full disk at any moment leaves every stored version and the active pointer intact.
 */
package org.safeguarding.rules.store;
