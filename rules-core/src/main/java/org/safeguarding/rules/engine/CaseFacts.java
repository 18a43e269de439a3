package org.safeguarding.rules.engine;

import org.safeguarding.rules.api.Answer;
import org.safeguarding.rules.api.Device;
import org.safeguarding.rules.api.Fact;
import org.safeguarding.rules.api.ImageryOrigin;
import org.safeguarding.rules.api.MediaType;
import org.safeguarding.rules.api.Sharing;
import org.safeguarding.rules.api.SocialCareStatus;

/**
 * The facts as the compiled tables read them: one value per {@link Fact}.
 * Public only because Drools-generated code reads the getters; not part of the library's API.
 */
public abstract class CaseFacts {
    private final FactVector facts;

    CaseFacts(FactVector facts) {
        this.facts = facts;
    }

    public Answer getImmediateDanger() { return facts.answer(Fact.IMMEDIATE_DANGER); }
    public Answer getSelfHarmRisk() { return facts.answer(Fact.SELF_HARM_RISK); }
    public Answer getAdultInvolved() { return facts.answer(Fact.ADULT_INVOLVED); }
    public Answer getIntendedHarm() { return facts.answer(Fact.INTENDED_HARM); }
    public Answer getConsentGiven() { return facts.answer(Fact.CONSENT_GIVEN); }
    public Answer getCoercionOrBlackmail() { return facts.answer(Fact.COERCION_OR_BLACKMAIL); }
    public Answer getCapacityConcern() { return facts.answer(Fact.CAPACITY_CONCERN); }
    public Answer getAtypicalOrViolentContent() { return facts.answer(Fact.ATYPICAL_OR_VIOLENT_CONTENT); }
    public Answer getUnder13SexualActivity() { return facts.answer(Fact.UNDER13_SEXUAL_ACTIVITY); }
    public Answer getProfitMotive() { return facts.answer(Fact.PROFIT_MOTIVE); }
    public Answer getParentalRisk() { return facts.answer(Fact.PARENTAL_RISK); }
    public Answer getChildDistressed() { return facts.answer(Fact.CHILD_DISTRESSED); }
    public MediaType getMediaType() { return facts.get(Fact.MEDIA_TYPE, MediaType.class); }
    public Sharing getSharing() { return facts.get(Fact.SHARING, Sharing.class); }
    public Device getDevice() { return facts.get(Fact.DEVICE, Device.class); }
    public Answer getAdultIsStaffOrVolunteer() { return facts.answer(Fact.ADULT_IS_STAFF_OR_VOLUNTEER); }
    public Answer getThreatToShare() { return facts.answer(Fact.THREAT_TO_SHARE); }
    public SocialCareStatus getSocialCareStatus() { return facts.get(Fact.SOCIAL_CARE_STATUS, SocialCareStatus.class); }
    public Answer getOnlineContact() { return facts.answer(Fact.ONLINE_CONTACT); }
    public Answer getStaffOrVolunteerUnder18() { return facts.answer(Fact.STAFF_OR_VOLUNTEER_UNDER18); }
    public ImageryOrigin getImageryOrigin() { return facts.get(Fact.IMAGERY_ORIGIN, ImageryOrigin.class); }
}
