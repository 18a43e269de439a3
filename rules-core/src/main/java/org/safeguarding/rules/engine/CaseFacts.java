package org.safeguarding.rules.engine;

import org.safeguarding.rules.api.Answer;
import org.safeguarding.rules.api.Device;
import org.safeguarding.rules.api.Fact;
import org.safeguarding.rules.api.ImageryOrigin;
import org.safeguarding.rules.api.MediaType;
import org.safeguarding.rules.api.Sharing;
import org.safeguarding.rules.api.SocialCareStatus;

/**
 * The facts as the compiled tables read them: one value per {@link Fact}, by ordinal.
 * Public only because Drools-generated code reads the getters; not part of the library's API.
 */
public abstract class CaseFacts {
    private final Enum<?>[] values;

    CaseFacts(Enum<?>[] values) {
        this.values = values;
    }

    public Answer getImmediateDanger() { return (Answer) values[Fact.IMMEDIATE_DANGER.ordinal()]; }
    public Answer getSelfHarmRisk() { return (Answer) values[Fact.SELF_HARM_RISK.ordinal()]; }
    public Answer getAdultInvolved() { return (Answer) values[Fact.ADULT_INVOLVED.ordinal()]; }
    public Answer getIntendedHarm() { return (Answer) values[Fact.INTENDED_HARM.ordinal()]; }
    public Answer getConsentGiven() { return (Answer) values[Fact.CONSENT_GIVEN.ordinal()]; }
    public Answer getCoercionOrBlackmail() { return (Answer) values[Fact.COERCION_OR_BLACKMAIL.ordinal()]; }
    public Answer getCapacityConcern() { return (Answer) values[Fact.CAPACITY_CONCERN.ordinal()]; }
    public Answer getAtypicalOrViolentContent() { return (Answer) values[Fact.ATYPICAL_OR_VIOLENT_CONTENT.ordinal()]; }
    public Answer getUnder13SexualActivity() { return (Answer) values[Fact.UNDER13_SEXUAL_ACTIVITY.ordinal()]; }
    public Answer getProfitMotive() { return (Answer) values[Fact.PROFIT_MOTIVE.ordinal()]; }
    public Answer getParentalRisk() { return (Answer) values[Fact.PARENTAL_RISK.ordinal()]; }
    public Answer getChildDistressed() { return (Answer) values[Fact.CHILD_DISTRESSED.ordinal()]; }
    public MediaType getMediaType() { return (MediaType) values[Fact.MEDIA_TYPE.ordinal()]; }
    public Sharing getSharing() { return (Sharing) values[Fact.SHARING.ordinal()]; }
    public Device getDevice() { return (Device) values[Fact.DEVICE.ordinal()]; }
    public Answer getAdultIsStaffOrVolunteer() { return (Answer) values[Fact.ADULT_IS_STAFF_OR_VOLUNTEER.ordinal()]; }
    public Answer getThreatToShare() { return (Answer) values[Fact.THREAT_TO_SHARE.ordinal()]; }
    public SocialCareStatus getSocialCareStatus() { return (SocialCareStatus) values[Fact.SOCIAL_CARE_STATUS.ordinal()]; }
    public Answer getOnlineContact() { return (Answer) values[Fact.ONLINE_CONTACT.ordinal()]; }
    public Answer getStaffOrVolunteerUnder18() { return (Answer) values[Fact.STAFF_OR_VOLUNTEER_UNDER18.ordinal()]; }
    public ImageryOrigin getImageryOrigin() { return (ImageryOrigin) values[Fact.IMAGERY_ORIGIN.ordinal()]; }
}
