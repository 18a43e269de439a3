package org.safeguarding.rules.api;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * An incident told in a DSL's words, for reports: "nobody is in immediate danger, an adult is
 * involved, whether it was sold is not yet known, ...". Used wherever the checks show an example
 * incident (the publish page, {@code bin/rules}, API messages), so they all say it the same way.
 */
public final class IncidentWords {
    private IncidentWords() {
    }

    /**
     * The facts of an example incident (field name to value name, as in
     * {@link SafetyFinding#counterexample()}), as one sentence fragment; facts not yet known are
     * said last, together.
     */
    public static String describe(Map<String, String> example) {
        List<String> known = new ArrayList<>();
        List<String> unknown = new ArrayList<>();
        for (Map.Entry<String, String> entry : example.entrySet()) {
            String key = entry.getKey();
            String value = entry.getValue();
            if (value.equals("UNKNOWN")) {
                unknown.add(topic(key));
            } else {
                known.add(phrase(key, value));
            }
        }
        StringBuilder text = new StringBuilder(String.join(", ", known));
        if (!unknown.isEmpty()) {
            text.append(known.isEmpty() ? "" : "; ").append("not yet known: ").append(String.join(", ", unknown));
        }
        return text.toString();
    }

    /** One fact in words: "an adult is involved", or "whether an adult is involved is not yet known". */
    public static String clause(String key, String value) {
        return value.equals("UNKNOWN") ? topic(key) + " is not yet known" : phrase(key, value);
    }

    /** What a fact is about, as a question's subject: "whether a child is in immediate danger". */
    static String topic(String key) {
        return switch (key) {
            case "immediateDanger" -> "whether a child is in immediate danger";
            case "selfHarmRisk" -> "whether a young person is at risk of harm";
            case "adultInvolved" -> "whether an adult is involved";
            case "intendedHarm" -> "whether it was meant to harm";
            case "consentGiven" -> "whether everyone consented";
            case "coercionOrBlackmail" -> "whether there was coercion or blackmail";
            case "capacityConcern" -> "whether a child could consent";
            case "atypicalOrViolentContent" -> "whether it is atypical or violent";
            case "under13SexualActivity" -> "whether it shows sexual acts with a child under 13";
            case "profitMotive" -> "whether it was sold or traded";
            case "parentalRisk" -> "whether the parents are a risk";
            case "childDistressed" -> "how the child is feeling";
            case "mediaType" -> "what was shared";
            case "sharing" -> "how far it spread";
            case "device" -> "whose device it is on";
            case "adultIsStaffOrVolunteer" -> "whether the adult works for the setting";
            case "threatToShare" -> "whether someone threatens to share it";
            case "socialCareStatus" -> "whether a child has a social worker";
            case "onlineContact" -> "whether someone involved is known to the child only online";
            case "staffOrVolunteerUnder18" -> "whether someone under 18 involved works or volunteers for the setting";
            case "imageryOrigin" -> "where the imagery came from";
            case "youngestChildAge" -> "the youngest child's age";
            case "pathway" -> "the pathway";
            case "provisional" -> "whether the decision is provisional";
            default -> key;
        };
    }

    private static String phrase(String key, String value) {
        boolean yes = value.equals("YES");
        return switch (key) {
            case "immediateDanger" -> yes ? "a child is in immediate danger" : "nobody is in immediate danger";
            case "selfHarmRisk" -> yes ? "a young person is at risk of harm" : "no risk of self-harm";
            case "adultInvolved" -> yes ? "an adult is involved" : "no adult involved";
            case "intendedHarm" -> yes ? "it was meant to harm" : "not meant to harm";
            case "consentGiven" -> yes ? "everyone consented" : "not everyone consented";
            case "coercionOrBlackmail" -> yes ? "there was coercion or blackmail" : "no coercion or blackmail";
            case "capacityConcern" -> yes ? "a child may not be able to consent" : "no concern about capacity";
            case "atypicalOrViolentContent" -> yes ? "it is atypical or violent" : "nothing atypical or violent";
            case "under13SexualActivity" -> yes ? "sexual acts with a child under 13" : "no sexual acts with a child under 13";
            case "profitMotive" -> yes ? "it was sold or traded" : "not sold or traded";
            case "parentalRisk" -> yes ? "the parents are a risk" : "the parents are not a risk";
            case "childDistressed" -> yes ? "a child is distressed" : "no child distressed";
            case "adultIsStaffOrVolunteer" -> yes ? "the adult works or volunteers for the setting" : "the adult does not work for the setting";
            case "threatToShare" -> yes ? "someone threatens to share it unless the child pays or sends more" : "nobody threatens to share it";
            case "onlineContact" -> yes ? "someone involved is known to the child only online" : "nobody involved is known to the child only online";
            case "staffOrVolunteerUnder18" -> yes ? "someone under 18 involved works or volunteers for the setting"
                    : "nobody under 18 involved works or volunteers for the setting";
            case "socialCareStatus" -> switch (value) {
                case "CHILD_IN_NEED" -> "a child in need";
                case "CHILD_PROTECTION_PLAN" -> "a child on a child protection plan";
                case "LOOKED_AFTER" -> "a looked-after child";
                default -> "no child known to children's social care";
            };
            case "mediaType" -> switch (value) {
                case "IMAGE" -> "an image";
                case "VIDEO" -> "a video";
                default -> "a text message only";
            };
            case "sharing" -> switch (value) {
                case "NOT_SHARED" -> "not shared further";
                case "SHARED_WITH_FEW" -> "shared with a few";
                case "SHARED_WIDELY" -> "shared widely";
                default -> "posted online";
            };
            case "device" -> value.equals("ORGANISATION") ? "on the setting's device" : "on a personal device";
            case "imageryOrigin" -> switch (value) {
                case "TAKEN" -> "real imagery";
                case "AI_OR_ALTERED" -> "made or altered by software";
                case "AI_OR_ALTERED_FROM_SETTING_PHOTOS" -> "made by software from the setting's photographs";
                default -> "a request, with no image";
            };
            case "youngestChildAge" -> "the youngest child is " + value;
            case "pathway" -> "decided " + value;
            case "provisional" -> yes ? "provisional" : "not provisional";
            default -> key + " " + value;
        };
    }
}
