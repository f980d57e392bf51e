package org.voc.console.web;

import io.quarkus.qute.i18n.Message;
import io.quarkus.qute.i18n.MessageBundle;

/**
 * Every text of the pages ({@code msg:} in the templates), in English; {@code messages/msg_ru.properties} has the
 * Russian. A page is rendered in {@link Viewer#locale()}.
 */
@MessageBundle(value = "msg", locale = "en")
public interface Messages {

    @Message("VoC console")
    String app_name();

    @Message("Skip to the content")
    String skip_to_content();

    @Message("Main")
    String nav_label();

    @Message("Overview")
    String nav_overview();

    @Message("Cases")
    String nav_cases();

    @Message("Language")
    String language_label();

    @Message("Signed in as {name}")
    String signed_in_as(String name);

    @Message("Sign out")
    String logout();

    // ---- case inbox

    @Message("Case inbox")
    String inbox_title();

    @Message("Your cases, your team's queue and the cases nobody holds yet. Times are in UTC.")
    String inbox_hint();

    @Message("My cases")
    String queue_mine();

    @Message("My team's queue")
    String queue_team();

    @Message("Unassigned")
    String queue_unassigned();

    @Message("No cases here.")
    String queue_empty();

    @Message("Case")
    String col_case();

    @Message("Status")
    String col_status();

    @Message("Priority")
    String col_priority();

    @Message("Touchpoint")
    String col_touchpoint();

    @Message("Assignee")
    String col_assignee();

    @Message("SLA")
    String col_sla();

    @Message("{#switch clock}{#case 'first-contact'}First contact{#else}Resolution{/switch}")
    String clock(String clock);

    @Message("{hours} h {minutes} min left")
    String sla_left(long hours, long minutes);

    @Message("Breached {hours} h {minutes} min ago")
    String sla_breached(long hours, long minutes);

    @Message("{#switch status}{#case 'OPEN'}Open{#case 'ASSIGNED'}Assigned{#case 'IN_CONTACT'}In contact"
            + "{#case 'WAITING_ON_CUSTOMER'}Waiting on the customer{#case 'RESOLVED'}Resolved{#case 'CLOSED'}Closed"
            + "{#else}{status}{/switch}")
    String status(String status);

    @Message("{#switch priority}{#case 'HIGH'}High{#case 'NORMAL'}Normal{#else}{priority}{/switch}")
    String priority(String priority);

    // ---- case page

    @Message("Case of {customer}")
    String case_title(String customer);

    @Message("Back to the inbox")
    String back_to_inbox();

    @Message("Details")
    String case_facts();

    @Message("Team")
    String team();

    @Message("Customer")
    String customer();

    @Message("Comment")
    String comment();

    @Message("Opened")
    String opened();

    @Message("First contact due")
    String first_contact_due();

    @Message("Resolution due")
    String resolution_due();

    @Message("First contact")
    String first_contact();

    @Message("Resolution")
    String resolution();

    @Message("Goodwill gesture")
    String gesture();

    @Message("Root causes")
    String root_causes();

    @Message("Reopened")
    String reopened();

    @Message("Work the case")
    String work_title();

    @Message("Done:")
    String action_done();

    @Message("Not done:")
    String action_failed();

    @Message("{#switch action}{#case 'assign'}assign{#case 'claim'}assign to me{#case 'contact'}log a contact"
            + "{#case 'wait'}wait on the customer{#case 'resume'}resume{#case 'resolve'}resolve{#case 'close'}close"
            + "{#case 'reopen'}reopen{#else}{action}{/switch}")
    String action(String action);

    @Message("Someone changed this case")
    String conflict_title();

    @Message("The case changed after you opened it, so nothing was saved. Below is its current state: check it and"
            + " try again if your change still applies.")
    String conflict_text();

    @Message("Assign to me")
    String assign_to_me();

    @Message("Assign to a team member")
    String assign_title();

    @Message("User name of the member")
    String assignee_label();

    @Message("Assign")
    String assign();

    @Message("Log a contact")
    String contact_title();

    @Message("Channel")
    String channel();

    @Message("{#switch channel}{#case 'PHONE'}Phone{#case 'EMAIL'}E-mail{#case 'SMS'}SMS{#case 'CHAT'}Chat"
            + "{#case 'MESSENGER'}Messenger{#case 'VIDEO'}Video call{#case 'IN_PERSON'}In person"
            + "{#case 'LETTER'}Letter{#else}{channel}{/switch}")
    String channel_name(String channel);

    @Message("Outcome")
    String contact_outcome();

    @Message("{#switch outcome}{#case 'REACHED'}Reached{#case 'NO_ANSWER'}No answer{#case 'LEFT_MESSAGE'}Left a"
            + " message{#case 'WRONG_CONTACT'}Wrong contact{#case 'DECLINED'}Declined{#else}{outcome}{/switch}")
    String outcome_name(String outcome);

    @Message("Note")
    String note();

    @Message("Log the contact")
    String log_contact();

    @Message("Resolve")
    String resolve_title();

    @Message("Resolution code")
    String resolution_code();

    @Message("Goodwill gesture (optional)")
    String gesture_optional();

    @Message("Type")
    String gesture_type();

    @Message("Amount")
    String gesture_amount();

    @Message("Currency (ISO 4217, e.g. EUR)")
    String gesture_currency();

    @Message("Resolve")
    String resolve();

    @Message("Wait on the customer")
    String wait_customer();

    @Message("Resume")
    String resume();

    @Message("Close")
    String close();

    @Message("Reopen")
    String reopen_title();

    @Message("Reason")
    String reason();

    @Message("Reopen")
    String reopen();

    @Message("History")
    String history();

    @Message("When")
    String when();

    @Message("Who")
    String who();

    @Message("What")
    String what();

    // ---- overview

    @Message("Overview")
    String overview_title();

    @Message("The last 30 days, from metrics-service. Intervals are 95 %; values below the minimum sample are marked.")
    String overview_hint();

    @Message("Open alerts")
    String alerts_title();

    @Message("No open alerts.")
    String alerts_none();

    @Message("now {current} against {baseline} before (n = {currentN} and {baselineN})")
    String alert_text(String current, String baseline, long currentN, long baselineN);

    @Message("{#switch metric}{#case 'nps'}NPS{#case 'csat'}CSAT (% satisfied){#case 'ces'}CES (mean effort)"
            + "{#else}{metric}{/switch}")
    String metric_name(String metric);

    @Message("Trends")
    String trends_title();

    @Message("by day, with its 95 % confidence band")
    String trend_caption();

    @Message("No answers in this period.")
    String no_answers();

    @Message("95 % interval")
    String band_label();

    @Message("Show as a table")
    String show_table();

    @Message("Day")
    String day();

    @Message("small sample")
    String small_sample();

    @Message("Journey map")
    String journey_title();

    @Message("NPS by journey stage and channel; cells with fewer than {minSample} answers are marked.")
    String journey_hint(int minSample);

    @Message("NPS by journey stage (rows) and channel (columns)")
    String journey_table();

    @Message("Journey stage")
    String stage();

    @Message("Response-rate funnel")
    String funnel_title();

    @Message("Invitations issued")
    String funnel_issued();

    @Message("Opened")
    String funnel_opened();

    @Message("Answered")
    String funnel_answered();

    @Message("Expired")
    String funnel_expired();

    @Message("Still open")
    String funnel_still_open();

    @Message("Response rate (95 % interval)")
    String funnel_rate();

    @Message("No invitations were issued in this period.")
    String funnel_none();

    // ---- improvement

    @Message("Improvement")
    String nav_improvement();

    @Message("Improvement actions")
    String improvement_title();

    @Message("Root causes by NPS points lost")
    String pareto_title();

    @Message("The last 30 days: {cases} cases with a root cause, ranked by the NPS points their detractors cost.")
    String pareto_hint(long cases);

    @Message("No case names a root cause in this period.")
    String pareto_none();

    @Message("Root cause")
    String root_cause();

    @Message("Cases")
    String cases();

    @Message("Detractors")
    String detractors();

    @Message("NPS points lost")
    String nps_points_lost();

    @Message("Share")
    String share();

    @Message("Cumulative share")
    String cumulative_share();

    @Message("Actions and their verdicts")
    String actions_title();

    @Message("No improvement actions yet.")
    String actions_none();

    @Message("Action")
    String action_title();

    @Message("Priority score")
    String priority_score();

    @Message("Verdict")
    String verdict();

    @Message("{#switch verdict}{#case 'IMPROVED'}Improved{#case 'NO_SIGNIFICANT_CHANGE'}No significant change"
            + "{#case 'WORSE'}Worse{#else}{verdict}{/switch}")
    String verdict_name(String verdict);

    @Message("before {before} (n = {beforeN}), after {after} (n = {afterN})")
    String before_after(String before, long beforeN, String after, long afterN);

    // ---- touchpoints

    @Message("Touchpoints")
    String nav_touchpoints();

    @Message("Touchpoint registry")
    String touchpoints_title();

    @Message("Text in key, name or description")
    String search_text();

    @Message("Search")
    String search();

    @Message("{total} touchpoints match.")
    String touchpoints_found(long total);

    @Message("No touchpoint matches.")
    String touchpoints_none();

    @Message("Segments")
    String segments();

    @Message("Next page")
    String next_page();

    // ---- failures

    @Message("{#switch kind}{#case 'forbidden'}Not allowed{#case 'not-found'}Not found{#case 'session'}Please sign in"
            + " again{#case 'unavailable'}Temporarily unavailable{#else}Something went wrong{/switch}")
    String failure_title(String kind);

    @Message("{#switch kind}{#case 'forbidden'}Your account may not see or do this ({service} refused it). Ask an"
            + " administrator for the role if you need it.{#case 'not-found'}{service} knows no such item, or it is"
            + " not visible to you.{#case 'session'}{service} did not accept your session. Sign out and in again."
            + "{#case 'unavailable'}{service} does not answer right now. Try again in a minute.{#else}{service}"
            + " answered with an error.{/switch}")
    String failure_text(String kind, String service);
}
