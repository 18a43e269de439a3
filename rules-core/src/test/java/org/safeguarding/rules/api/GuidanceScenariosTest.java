package org.safeguarding.rules.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.safeguarding.rules.api.ActionCode.*;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.safeguarding.rules.tables.RuleRow;
import org.safeguarding.rules.tables.TableTemplate;
import org.safeguarding.rules.tables.WorkbookReader;
import org.safeguarding.rules.tables.EditedWorkbook;

/**
 * Scenarios taken from the guidance, each citing the passage it comes from, run against the
 * shipped tables. Together they fire every rule, recommend every action and ask every question
 * (checked after the run).
 */
class GuidanceScenariosTest {
    private static final String NSPCC = "NSPCC Sexting advice: ";
    private static final String UKCIS = "UKCIS Sharing nudes: ";
    private static final Set<String> FIRED = new HashSet<>();
    private static final Set<ActionCode> RECOMMENDED = EnumSet.noneOf(ActionCode.class);
    private static final Set<Fact> ASKED = EnumSet.noneOf(Fact.class);

    /** An incident in which every trigger is established safe: the guidance allows handling it internally. */
    private static Incident.Builder safe() {
        return Incident.builder().immediateDanger(Answer.NO).selfHarmRisk(Answer.NO).adultInvolved(Answer.NO)
                .intendedHarm(Answer.NO).consentGiven(Answer.YES).coercionOrBlackmail(Answer.NO)
                .capacityConcern(Answer.NO).atypicalOrViolentContent(Answer.NO).under13SexualActivity(Answer.NO)
                .profitMotive(Answer.NO).parentalRisk(Answer.NO);
    }

    record Scenario(String name, String citation, Incident incident, Pathway pathway, boolean provisional,
                    List<ActionCode> present, List<ActionCode> absent, List<String> rules) {
        @Override
        public String toString() {
            return name + " [" + citation + "]";
        }
    }

    private static Scenario s(String name, String citation, UnaryOperator<Incident.Builder> facts, Pathway pathway,
                              boolean provisional, List<ActionCode> present, List<ActionCode> absent, String... rules) {
        return new Scenario(name, citation, facts.apply(safe()).build(), pathway, provisional, present, absent, List.of(rules));
    }

    static Stream<Scenario> scenarios() {
        List<ActionCode> referral = List.of(REFER_CHILDRENS_SOCIAL_CARE, REPORT_TO_POLICE, PRESERVE_EVIDENCE);
        List<ActionCode> internalOnly = List.of(HANDLE_WITHIN_ORGANISATION, REQUEST_DELETION);
        List<ActionCode> none = List.of();
        List<Scenario> list = new ArrayList<>(List.of(
            s("child in immediate danger", NSPCC + "If you think a child is in immediate danger, contact the police on 999",
                b -> b.immediateDanger(Answer.YES), Pathway.EMERGENCY, false, List.of(CALL_999, REFER_CHILDRENS_SOCIAL_CARE, REPORT_TO_POLICE, PRESERVE_EVIDENCE), internalOnly, "P-01", "A-01", "A-02", "A-04", "A-06"),
            s("nothing known yet", NSPCC + "If you're worried about a child but they are not in immediate danger, share your concerns",
                b -> Incident.builder(), Pathway.ESCALATE, true, List.of(CONTACT_NSPCC_HELPLINE, REFER_CHILDRENS_SOCIAL_CARE), internalOnly, "P-02", "A-12", "Q-01"),
            s("consensual, no harm intended, every criterion ruled out", NSPCC + "If the images were not intended to cause harm and the young people involved have given consent, you may decide to handle the incident within your organisation",
                b -> b, Pathway.HANDLE_INTERNALLY, false, List.of(HANDLE_WITHIN_ORGANISATION, REQUEST_DELETION, INVOLVE_PARENTS), List.of(CALL_999, REFER_CHILDRENS_SOCIAL_CARE, PRESERVE_EVIDENCE, CONTACT_NSPCC_HELPLINE), "P-22", "A-13", "A-14", "A-20"),
            s("young person presenting as suicidal", UKCIS + "referral criterion 5, immediate risk of harm, e.g. suicidal or self-harming",
                b -> b.selfHarmRisk(Answer.YES), Pathway.ESCALATE, false, referral, internalOnly, "P-03", "A-03", "A-05", "A-07"),
            s("risk of self-harm not yet known", UKCIS + "referral criterion 5",
                b -> b.selfHarmRisk(Answer.UNKNOWN), Pathway.ESCALATE, true, List.of(CONTACT_NSPCC_HELPLINE), internalOnly, "P-04", "Q-02"),
            s("adult asked for the image", UKCIS + "referral criterion 1, the incident involves an adult; CEOP: an adult asking for sexual pictures",
                b -> b.adultInvolved(Answer.YES), Pathway.ESCALATE, false, List.of(REPORT_TO_CEOP, REPORT_TO_POLICE), internalOnly, "P-05", "A-09"),
            s("not yet known whether an adult is involved", NSPCC + "try and find out if there were any adults involved",
                b -> b.adultInvolved(Answer.UNKNOWN), Pathway.ESCALATE, true, none, List.of(REPORT_TO_CEOP, HANDLE_WITHIN_ORGANISATION), "P-06", "Q-03"),
            s("shared to humiliate", NSPCC + "handle internally only if the images were not intended to cause harm",
                b -> b.intendedHarm(Answer.YES), Pathway.ESCALATE, false, referral, internalOnly, "P-07"),
            s("not yet known whether harm was intended", NSPCC + "not intended to cause harm",
                b -> b.intendedHarm(Answer.UNKNOWN), Pathway.ESCALATE, true, none, internalOnly, "P-08", "Q-04"),
            s("shared on without consent", NSPCC + "the young people involved have given consent",
                b -> b.consentGiven(Answer.NO), Pathway.ESCALATE, false, referral, internalOnly, "P-09"),
            s("consent not yet known", NSPCC + "the young people involved have given consent",
                b -> b.consentGiven(Answer.UNKNOWN), Pathway.ESCALATE, true, none, internalOnly, "P-10", "Q-05"),
            s("blackmail (sextortion)", UKCIS + "referral criterion 2, coerced, blackmailed or groomed; College of Policing: coercion calls for a full investigation",
                b -> b.coercionOrBlackmail(Answer.YES), Pathway.ESCALATE, false, List.of(REPORT_TO_CEOP, REPORT_TO_POLICE), internalOnly, "P-11", "A-11"),
            s("coercion not yet known", UKCIS + "referral criterion 2",
                b -> b.coercionOrBlackmail(Answer.UNKNOWN), Pathway.ESCALATE, true, none, List.of(REPORT_TO_CEOP), "P-12", "Q-06"),
            s("special educational needs affect capacity to consent", UKCIS + "referral criterion 2, concerns about capacity to consent",
                b -> b.capacityConcern(Answer.YES), Pathway.ESCALATE, false, referral, internalOnly, "P-13"),
            s("capacity not yet known", UKCIS + "referral criterion 2",
                b -> b.capacityConcern(Answer.UNKNOWN), Pathway.ESCALATE, true, none, internalOnly, "P-14", "Q-07"),
            s("violent content described", UKCIS + "referral criterion 3, sexual acts unusual for the developmental stage, or violence",
                b -> b.atypicalOrViolentContent(Answer.YES), Pathway.ESCALATE, false, referral, internalOnly, "P-15"),
            s("content not yet known", UKCIS + "referral criterion 3",
                b -> b.atypicalOrViolentContent(Answer.UNKNOWN), Pathway.ESCALATE, true, none, internalOnly, "P-16", "Q-08"),
            s("sexual acts, pupil aged 12", UKCIS + "referral criterion 4, sexual acts and any pupil under 13",
                b -> b.under13SexualActivity(Answer.YES).person(Role.PICTURED, 12), Pathway.ESCALATE, false, referral, internalOnly, "P-17"),
            s("under-13 question not yet answered", UKCIS + "referral criterion 4",
                b -> b.under13SexualActivity(Answer.UNKNOWN), Pathway.ESCALATE, true, none, internalOnly, "P-18", "Q-09"),
            s("images sold to classmates", "College of Policing briefing: a profit motive calls for a full criminal investigation",
                b -> b.profitMotive(Answer.YES), Pathway.ESCALATE, false, referral, internalOnly, "P-19"),
            s("profit motive not yet known", "College of Policing briefing",
                b -> b.profitMotive(Answer.UNKNOWN), Pathway.ESCALATE, true, none, internalOnly, "P-20", "Q-10"),
            s("parents are the risk", NSPCC + "involve parents, unless there's a risk",
                b -> b.parentalRisk(Answer.YES), Pathway.ESCALATE, false, List.of(WITHHOLD_FROM_PARENTS, REFER_CHILDRENS_SOCIAL_CARE), List.of(INVOLVE_PARENTS, HANDLE_WITHIN_ORGANISATION), "P-21", "A-21"),
            s("parental risk not yet assessed", NSPCC + "involve parents, unless there's a risk",
                b -> b.parentalRisk(Answer.UNKNOWN), Pathway.HANDLE_INTERNALLY, true, List.of(ASSESS_PARENTAL_RISK, CONTACT_NSPCC_HELPLINE, HANDLE_WITHIN_ORGANISATION), List.of(INVOLVE_PARENTS, WITHHOLD_FROM_PARENTS), "A-22", "Q-11"),
            s("danger and an adult: emergency, CEOP too", NSPCC + "immediate danger: 999; inform CEOP",
                b -> b.immediateDanger(Answer.YES).adultInvolved(Answer.YES), Pathway.EMERGENCY, false, List.of(CALL_999, REPORT_TO_CEOP), internalOnly, "P-01", "P-05", "A-08"),
            s("danger and blackmail", NSPCC + "immediate danger: 999; inform CEOP",
                b -> b.immediateDanger(Answer.YES).coercionOrBlackmail(Answer.YES), Pathway.EMERGENCY, false, List.of(CALL_999, REPORT_TO_CEOP), internalOnly, "A-10"),
            s("danger, and parents are the risk", NSPCC + "involve parents, unless there's a risk",
                b -> b.immediateDanger(Answer.YES).parentalRisk(Answer.YES), Pathway.EMERGENCY, false, List.of(CALL_999, WITHHOLD_FROM_PARENTS), List.of(INVOLVE_PARENTS)),
            s("danger unknown but consent refused", NSPCC + "not in immediate danger: share your concerns",
                b -> b.immediateDanger(Answer.UNKNOWN).consentGiven(Answer.NO), Pathway.ESCALATE, true, List.of(CONTACT_NSPCC_HELPLINE), internalOnly, "P-02", "P-09"),
            s("adult known, other facts not yet known", UKCIS + "referral criterion 1",
                b -> b.adultInvolved(Answer.YES).consentGiven(Answer.UNKNOWN).intendedHarm(Answer.UNKNOWN), Pathway.ESCALATE, false, List.of(REPORT_TO_CEOP), List.of(CONTACT_NSPCC_HELPLINE)),
            s("age 18 exactly makes an adult", UKCIS + "sharing of images of under-18s with or by adults is child sexual abuse",
                b -> b.adultInvolved(Answer.UNKNOWN).person(Role.RECIPIENT, 18).person(Role.CREATOR, 15), Pathway.ESCALATE, false, List.of(REPORT_TO_CEOP), internalOnly, "P-05"),
            s("age 17 is a child", UKCIS + "under-18s",
                b -> b.person(Role.RECIPIENT, 17).person(Role.CREATOR, 16), Pathway.HANDLE_INTERNALLY, false, internalOnly, List.of(REPORT_TO_CEOP)),
            s("age 13 with no sexual acts", UKCIS + "referral criterion 4 needs sexual acts and a pupil under 13",
                b -> b.person(Role.PICTURED, 13), Pathway.HANDLE_INTERNALLY, false, internalOnly, referral),
            s("age 12, imagery without sexual acts", UKCIS + "referral criterion 4: the facts decide, ages alone do not",
                b -> b.person(Role.PICTURED, 12).under13SexualActivity(Answer.NO), Pathway.HANDLE_INTERNALLY, false, internalOnly, referral),
            s("text-only message posted online", NSPCC + "getting an explicit image removed (images, not text)",
                b -> b.mediaType(MediaType.MESSAGE).sharing(Sharing.POSTED_ONLINE), Pathway.HANDLE_INTERNALLY, false, none, List.of(CHILDLINE_REPORT_REMOVE, REPORT_TO_IWF, REPORT_TO_HOSTING_SITE)),
            s("image posted online", NSPCC + "report the image to the site hosting it, contact the IWF, ask the child to contact Childline",
                b -> b.mediaType(MediaType.IMAGE).sharing(Sharing.POSTED_ONLINE), Pathway.HANDLE_INTERNALLY, false, List.of(CHILDLINE_REPORT_REMOVE, REPORT_TO_IWF, REPORT_TO_HOSTING_SITE), none, "A-25", "A-26", "A-27"),
            s("video shared widely", NSPCC + "Childline can make a report to the IWF on a child's behalf",
                b -> b.mediaType(MediaType.VIDEO).sharing(Sharing.SHARED_WIDELY), Pathway.HANDLE_INTERNALLY, false, List.of(CHILDLINE_REPORT_REMOVE), List.of(REPORT_TO_IWF, REPORT_TO_HOSTING_SITE), "A-24"),
            s("posted online, media type not yet known", NSPCC + "getting an explicit image removed",
                b -> b.sharing(Sharing.POSTED_ONLINE), Pathway.HANDLE_INTERNALLY, false, List.of(REPORT_TO_IWF, REPORT_TO_HOSTING_SITE), none, "Q-13"),
            s("image shared with a few friends", NSPCC + "how widely has the image been shared",
                b -> b.mediaType(MediaType.IMAGE).sharing(Sharing.SHARED_WITH_FEW), Pathway.HANDLE_INTERNALLY, false, none, List.of(CHILDLINE_REPORT_REMOVE, REPORT_TO_IWF)),
            s("on the organisation's tablet", NSPCC + "if it's on a device belonging to your organisation, isolate it",
                b -> b.device(Device.ORGANISATION), Pathway.HANDLE_INTERNALLY, false, List.of(ISOLATE_DEVICE), none, "A-16"),
            s("on a personal phone", NSPCC + "organisational or personal device",
                b -> b.device(Device.PERSONAL).sharing(Sharing.NOT_SHARED).mediaType(MediaType.IMAGE).childDistressed(Answer.NO), Pathway.HANDLE_INTERNALLY, false, none, List.of(ISOLATE_DEVICE)),
            s("distressed child, handled internally", NSPCC + "it may also be appropriate to make a referral to a counselling service",
                b -> b.childDistressed(Answer.YES), Pathway.HANDLE_INTERNALLY, false, List.of(OFFER_COUNSELLING, ONGOING_SUPPORT), none, "A-23"),
            s("distressed child, escalated", NSPCC + "continued support",
                b -> b.childDistressed(Answer.YES).consentGiven(Answer.NO), Pathway.ESCALATE, false, List.of(OFFER_COUNSELLING), internalOnly, "Q-14", "Q-15"),
            s("feelings not yet known", NSPCC + "try and find out how the young person is feeling",
                b -> b.childDistressed(Answer.UNKNOWN), Pathway.HANDLE_INTERNALLY, false, none, List.of(OFFER_COUNSELLING), "Q-12"),
            s("escalated: evidence preserved, nothing deleted", UKCIS + "where the police are involved, evidence is preserved",
                b -> b.intendedHarm(Answer.YES).device(Device.ORGANISATION), Pathway.ESCALATE, false, List.of(PRESERVE_EVIDENCE, ISOLATE_DEVICE), List.of(REQUEST_DELETION)),
            s("danger, organisation's device posted online", NSPCC + "immediate danger; isolate the device; removal",
                b -> b.immediateDanger(Answer.YES).device(Device.ORGANISATION).mediaType(MediaType.VIDEO).sharing(Sharing.POSTED_ONLINE),
                Pathway.EMERGENCY, false, List.of(CALL_999, ISOLATE_DEVICE, REPORT_TO_IWF, PRESERVE_EVIDENCE), internalOnly)));
        return list.stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("scenarios")
    void follows_the_guidance(Scenario scenario) {
        Recommendation r = Engines.bundled().decide(scenario.incident());
        FIRED.addAll(r.ruleIds());
        RECOMMENDED.addAll(r.actionCodes());
        ASKED.addAll(r.questionCodes());

        assertThat(r.pathway()).as("pathway").isEqualTo(scenario.pathway());
        assertThat(r.provisional()).as("provisional").isEqualTo(scenario.provisional());
        assertThat(r.actionCodes()).as("actions").containsAll(scenario.present())
                .contains(DO_NOT_VIEW_IMAGERY, RECORD_INCIDENT, ONGOING_SUPPORT, REVIEW_INCIDENT);
        scenario.absent().forEach(code -> assertThat(r.actionCodes()).as("actions").doesNotContain(code));
        if (r.has(CALL_999)) {
            assertThat(r.actionCodes().get(0)).isEqualTo(CALL_999);
        }
        assertThat(r.ruleIds()).as("rules fired").containsAll(scenario.rules());
        assertThat(r.reasons().get(0).table()).isEqualTo("Pathway");
        assertThat(r.reasons()).allSatisfy(reason -> assertThat(reason.guidance()).isNotBlank());
        for (Fact fact : Fact.values()) {
            boolean unknown = scenario.incident().value(fact) == fact.unknown() && !r.derivedFacts().containsKey(fact);
            assertThat(r.questionCodes().contains(fact)).as("question about " + fact.fieldName()).isEqualTo(unknown);
        }
        if (r.provisional()) {
            assertThat(r.questions()).as("a provisional decision carries its questions").isNotEmpty();
        }
    }

    @Test
    void empty_request_escalates_provisionally_and_asks_about_danger_first() {
        Recommendation r = Engines.bundled().decide(Incident.builder().build());
        assertThat(r.pathway()).isEqualTo(Pathway.ESCALATE);
        assertThat(r.provisional()).isTrue();
        assertThat(r.questionCodes()).containsExactly(Fact.IMMEDIATE_DANGER, Fact.SELF_HARM_RISK, Fact.ADULT_INVOLVED,
                Fact.INTENDED_HARM, Fact.CONSENT_GIVEN, Fact.COERCION_OR_BLACKMAIL, Fact.CAPACITY_CONCERN,
                Fact.ATYPICAL_OR_VIOLENT_CONTENT, Fact.UNDER13_SEXUAL_ACTIVITY, Fact.PROFIT_MOTIVE, Fact.PARENTAL_RISK,
                Fact.MEDIA_TYPE, Fact.CHILD_DISTRESSED, Fact.SHARING, Fact.DEVICE);
    }

    @Test
    void an_adult_in_people_is_derived_and_reported() {
        Recommendation r = Engines.bundled().decide(safe().adultInvolved(Answer.UNKNOWN).person(Role.SENDER, 23)
                .person(Role.RECIPIENT, 14).reference("case-17.b").build());
        assertThat(r.derivedFacts()).containsExactly(java.util.Map.entry(Fact.ADULT_INVOLVED, Answer.YES));
        assertThat(r.reference()).isEqualTo("case-17.b");
        assertThat(r.has(REPORT_TO_CEOP)).isTrue();
    }

    @Test
    void saying_no_adult_while_listing_one_is_refused_naming_both_fields() {
        Incident contradiction = Incident.builder().adultInvolved(Answer.NO).person(Role.CREATOR, 15).person(Role.RECIPIENT, 19).build();
        assertThatThrownBy(() -> Engines.bundled().decide(contradiction)).isInstanceOf(IncidentRejectedException.class)
                .satisfies(e -> assertThat(((IncidentRejectedException) e).errors()).extracting(FieldError::field)
                        .containsExactly("adultInvolved", "people[1].age"));
    }

    @Test
    void nobody_under_18_is_outside_child_safeguarding() {
        Incident adults = Incident.builder().person(Role.CREATOR, 19).person(Role.RECIPIENT, 30).build();
        assertThatThrownBy(() -> Engines.bundled().decide(adults)).isInstanceOf(IncidentRejectedException.class)
                .satisfies(e -> assertThat(((IncidentRejectedException) e).errors()).extracting(FieldError::field)
                        .containsExactly("people"))
                .hasMessageNotContaining("19").hasMessageNotContaining("30");
    }

    @Test
    void actions_are_listed_in_urgency_order_with_texts_and_contacts_filled_in() {
        Recommendation r = Engines.bundled().decide(Incident.builder().build());
        assertThat(r.actionCodes()).containsSubsequence(DO_NOT_VIEW_IMAGERY, REFER_CHILDRENS_SOCIAL_CARE, CONTACT_NSPCC_HELPLINE, RECORD_INCIDENT, REVIEW_INCIDENT);
        assertThat(r.actions()).filteredOn(a -> a.code() == CONTACT_NSPCC_HELPLINE).singleElement()
                .satisfies(a -> assertThat(a.text()).contains("0808 800 5000").doesNotContain("{"));
    }

    @AfterAll
    static void every_rule_action_and_question_is_covered() {
        List<RuleRow> rows = new ArrayList<>();
        var tables = WorkbookReader.read(List.of(EditedWorkbook.ofShipped().toWorkbook())).tables().orElseThrow();
        TableTemplate.RULE_SHEETS.forEach(sheet -> rows.addAll(tables.rows(sheet)));
        assertThat(FIRED).as("rules fired by the scenarios").containsAll(rows.stream().map(RuleRow::id).toList());
        assertThat(RECOMMENDED).as("actions recommended by the scenarios").containsExactlyInAnyOrder(ActionCode.values());
        assertThat(ASKED).as("questions asked by the scenarios").containsExactlyInAnyOrder(Fact.values());
    }
}
