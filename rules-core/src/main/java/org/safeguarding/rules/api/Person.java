package org.safeguarding.rules.api;

import java.util.EnumSet;
import java.util.List;
import java.util.Objects;

/**
 * Someone in the incident: what they did (one role or several: a child can be both pictured and
 * the one who forwarded it), their age in years (0 to 120) when known, and whether they work or
 * volunteer for the setting. An involved person aged 18 or over makes {@code adultInvolved} YES;
 * a person whose age is not known (an online contact, say) leaves it as the caller gave it.
 *
 * @param roles            what they did, at least one, none twice; someone whose only role is
 *                         {@link Role#REPORTER} is never counted as involved
 * @param age              age in years, or {@code null} when it is not known
 * @param worksForSetting  whether they work or volunteer for the setting (staff, a volunteer, a young
 *                         leader, a work-experience pupil); an involved person who does makes
 *                         {@code adultIsStaffOrVolunteer} or {@code staffOrVolunteerUnder18} YES
 * @throws IllegalArgumentException if there is no role, a role is given twice, or the age is outside 0 to 120
 * @throws NullPointerException     if the roles, one of them, or worksForSetting is null
 */
public record Person(List<Role> roles, Integer age, Answer worksForSetting) {
    public static final int MAX_AGE = 120;
    public static final int ADULT_AGE = 18;

    public Person {
        roles = List.copyOf(roles);
        if (roles.isEmpty()) {
            throw new IllegalArgumentException("a person has at least one role");
        }
        if (EnumSet.copyOf(roles).size() != roles.size()) {
            throw new IllegalArgumentException("a role is given twice");
        }
        if (age != null && (age < 0 || age > MAX_AGE)) {
            throw new IllegalArgumentException("age must be between 0 and " + MAX_AGE + ", was " + age);
        }
        Objects.requireNonNull(worksForSetting, "worksForSetting");
    }

    /** Someone with one role, not known to work for the setting. */
    public Person(Role role, Integer age) {
        this(List.of(Objects.requireNonNull(role, "role")), age, Answer.UNKNOWN);
    }

    /** A person whose age is not known. */
    public static Person ofUnknownAge(Role role) {
        return new Person(role, null);
    }

    /** The first role given (the only one, for most people). */
    public Role role() {
        return roles.get(0);
    }

    /** Whether any of their roles is involved: a reporter who is also pictured is involved. */
    public boolean isInvolved() {
        for (Role role : roles) {
            if (role.isInvolved()) {
                return true;
            }
        }
        return false;
    }

    /** Involved and known to be 18 or over. */
    public boolean isInvolvedAdult() {
        return isInvolved() && age != null && age >= ADULT_AGE;
    }

    /** Known to be under 18, whatever their role. */
    public boolean isChild() {
        return age != null && age < ADULT_AGE;
    }
}
