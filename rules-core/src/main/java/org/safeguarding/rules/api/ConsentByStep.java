package org.safeguarding.rules.api;

import java.util.Objects;

/**
 * What was agreed at each step, where consent differs between them ("made consensually, forwarded
 * without consent"). A step refused (NO) makes {@code consentGiven} NO; steps never make it YES, so
 * give {@code consentGiven} once every step is known. UNKNOWN: not known, or the step did not happen.
 *
 * @param making     the child pictured agreed to the imagery being made
 * @param sending    they agreed to it being sent to the person who first received it
 * @param forwarding they agreed to it being passed on beyond that person
 * @throws NullPointerException if a step is null (use {@link Answer#UNKNOWN})
 */
public record ConsentByStep(Answer making, Answer sending, Answer forwarding) {
    /** Nothing said about any step. */
    public static final ConsentByStep NOT_KNOWN = new ConsentByStep(Answer.UNKNOWN, Answer.UNKNOWN, Answer.UNKNOWN);

    public ConsentByStep {
        Objects.requireNonNull(making, "making");
        Objects.requireNonNull(sending, "sending");
        Objects.requireNonNull(forwarding, "forwarding");
    }

    /** The first step refused, by its field name ("making", "sending", "forwarding"), or null if none was. */
    public String firstRefused() {
        return making == Answer.NO ? "making" : sending == Answer.NO ? "sending" : forwarding == Answer.NO ? "forwarding" : null;
    }
}
