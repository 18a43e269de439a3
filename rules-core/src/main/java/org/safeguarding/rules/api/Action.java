package org.safeguarding.rules.api;

/**
 * One thing to do.
 *
 * @param code     stable code for systems
 * @param text     what to do, in plain words, with the organisation's contact numbers filled in
 * @param guidance the source and section the action comes from
 */
public record Action(ActionCode code, String text, String guidance) {
}
