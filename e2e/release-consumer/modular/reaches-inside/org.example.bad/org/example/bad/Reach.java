package org.example.bad;

public final class Reach {
    Object decider = org.safeguarding.rules.engine.Decider.class;
}
