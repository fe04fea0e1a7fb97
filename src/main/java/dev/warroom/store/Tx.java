package dev.warroom.store;

import dev.warroom.domain.BoardPolicy;
import dev.warroom.domain.Card;
import dev.warroom.domain.Column;
import dev.warroom.domain.Crisis;
import dev.warroom.domain.TimelineEvent;
import dev.warroom.domain.WipOverride;
import dev.warroom.domain.comms.CommsEntry;
import java.sql.Connection;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * One open transaction. Application services see only these operations, never JDBC: the tables
 * behind them are package-private.
 */
public final class Tx {
    private final Connection connection;

    Tx(Connection connection) {
        this.connection = connection;
    }

    // cards

    public Card insertCard(Card card) {
        return CardTable.insert(connection, card);
    }

    /** Writes {@code card} if its version is still the stored one; returns it with the new version. */
    public Card updateCard(Card card) {
        return CardTable.update(connection, card);
    }

    /** Re-numbers positions inside a column without touching versions (ordering is not content). */
    public void setPositions(List<Card> ordered) {
        CardTable.setPositions(connection, ordered);
    }

    public void markDeleted(Card card, boolean deleted) {
        CardTable.markDeleted(connection, card, deleted);
    }

    public List<Card> cards() {
        return CardTable.all(connection);
    }

    public Optional<Card> card(long id) {
        return CardTable.find(connection, id, false);
    }

    public Optional<Card> deletedCard(long id) {
        return CardTable.find(connection, id, true);
    }

    public List<Card> cardsIn(Column column) {
        return CardTable.inColumn(connection, column);
    }

    public boolean slaBreachRecorded(long cardId) {
        return CardTable.slaBreachRecorded(connection, cardId);
    }

    public void setSlaBreachRecorded(long cardId, boolean recorded) {
        CardTable.setSlaBreachRecorded(connection, cardId, recorded);
    }

    // policy and overrides

    /** The stored policy, or {@code fallback} for a new database that has none yet. */
    public BoardPolicy policy(BoardPolicy fallback) {
        return PolicyTable.load(connection, fallback);
    }

    public void savePolicy(BoardPolicy policy) {
        PolicyTable.save(connection, policy);
    }

    public Map<Column, WipOverride> overrides() {
        return OverrideTable.all(connection);
    }

    public void saveOverride(WipOverride override) {
        OverrideTable.save(connection, override);
    }

    public void clearOverride(Column column) {
        OverrideTable.clear(connection, column);
    }

    // timeline

    public TimelineEvent append(TimelineEvent event) {
        return TimelineTable.append(connection, event);
    }

    public List<TimelineEvent> timeline(Instant from, Instant to, int limit) {
        return TimelineTable.between(connection, from, to, limit);
    }

    public List<TimelineEvent> latestEvents(int limit) {
        return TimelineTable.latest(connection, limit);
    }

    public Optional<TimelineEvent> latestEvent(dev.warroom.domain.EventKind kind) {
        return TimelineTable.latestOfKind(connection, kind);
    }

    /** The newest event about {@code subject}: who last changed it, when and how. */
    public Optional<TimelineEvent> latestEventAbout(String subject) {
        return TimelineTable.latestAbout(connection, subject);
    }

    public long eventCount() {
        return TimelineTable.count(connection);
    }

    // cards made from monitoring alerts (issue 16)

    public Optional<dev.warroom.domain.alert.AlertCardLink> alertCard(String dedupKey) {
        return AlertCardTable.find(connection, dedupKey);
    }

    public List<dev.warroom.domain.alert.AlertCardLink> alertCards() {
        return AlertCardTable.all(connection);
    }

    public dev.warroom.domain.alert.AlertCardLink insertAlertCard(dev.warroom.domain.alert.AlertCardLink link) {
        return AlertCardTable.insert(connection, link);
    }

    /** Writes {@code link} if its version is still the stored one; returns it with the new version. */
    public dev.warroom.domain.alert.AlertCardLink updateAlertCard(dev.warroom.domain.alert.AlertCardLink link) {
        return AlertCardTable.update(connection, link);
    }

    // delivery of sent messages (issue 16)

    public dev.warroom.domain.outbox.OutboxMessage insertOutbox(dev.warroom.domain.outbox.OutboxMessage m) {
        return OutboxTable.insert(connection, m);
    }

    public Optional<dev.warroom.domain.outbox.OutboxMessage> outboxMessage(long id) {
        return OutboxTable.find(connection, id);
    }

    /** Messages queued or being delivered, oldest first. */
    public List<dev.warroom.domain.outbox.OutboxMessage> pendingOutbox() {
        return OutboxTable.pending(connection);
    }

    public List<dev.warroom.domain.outbox.OutboxMessage> outboxForCrisis(long crisisId, int limit) {
        return OutboxTable.forCrisis(connection, crisisId, limit);
    }

    public List<dev.warroom.domain.outbox.OutboxMessage> allOutbox() {
        return OutboxTable.all(connection);
    }

    /** Writes the delivery state if the version is still the stored one; returns it with the new version. */
    public dev.warroom.domain.outbox.OutboxMessage updateOutbox(dev.warroom.domain.outbox.OutboxMessage m) {
        return OutboxTable.update(connection, m);
    }

    public void addDeliveryAttempt(dev.warroom.domain.outbox.DeliveryAttempt attempt) {
        OutboxTable.addAttempt(connection, attempt);
    }

    public List<dev.warroom.domain.outbox.DeliveryAttempt> deliveryAttempts(long outboxId) {
        return OutboxTable.attempts(connection, outboxId);
    }

    public Optional<String> statuspageIncident(long crisisId, String target) {
        return OutboxTable.incident(connection, crisisId, target);
    }

    public void saveStatuspageIncident(long crisisId, String target, String incidentId) {
        OutboxTable.saveIncident(connection, crisisId, target, incidentId);
    }

    // crisis and settings

    public Optional<Crisis> activeCrisis() {
        return CrisisTable.active(connection);
    }

    public Crisis insertCrisis(Crisis crisis) {
        return CrisisTable.insert(connection, crisis);
    }

    public Optional<String> setting(String name) {
        return SettingTable.get(connection, name);
    }

    public void saveSetting(String name, String value) {
        SettingTable.put(connection, name, value);
    }

    // scale debt, checklists, key results, decisions, readiness (issue 6)

    public dev.warroom.domain.debt.DebtEntry insertDebt(dev.warroom.domain.debt.DebtEntry entry) {
        return DebtTable.insert(connection, entry);
    }

    /** Writes {@code entry} if its version is still the stored one; returns it with the new version. */
    public dev.warroom.domain.debt.DebtEntry updateDebt(dev.warroom.domain.debt.DebtEntry entry) {
        return DebtTable.update(connection, entry);
    }

    public List<dev.warroom.domain.debt.DebtEntry> debtEntries() {
        return DebtTable.all(connection);
    }

    public Optional<dev.warroom.domain.debt.DebtEntry> debtEntry(long id) {
        return DebtTable.find(connection, id);
    }

    public List<dev.warroom.domain.plan.ChecklistTick> checklistTicks(long crisisId) {
        return ChecklistTickTable.forCrisis(connection, crisisId);
    }

    /** Stores the tick; false (and nothing changed) when the item is already ticked. */
    public boolean insertChecklistTick(dev.warroom.domain.plan.ChecklistTick tick) {
        return ChecklistTickTable.insert(connection, tick);
    }

    public boolean deleteChecklistTick(long crisisId, String checklistId, String itemId) {
        return ChecklistTickTable.delete(connection, crisisId, checklistId, itemId);
    }

    public List<dev.warroom.domain.plan.ManualKeyResult> manualKeyResults(long crisisId) {
        return KeyResultTable.forCrisis(connection, crisisId);
    }

    /** Inserts when {@code kr.version()} is -1, otherwise updates with an optimistic version check. */
    public dev.warroom.domain.plan.ManualKeyResult saveManualKeyResult(dev.warroom.domain.plan.ManualKeyResult kr) {
        return KeyResultTable.save(connection, kr);
    }

    public dev.warroom.domain.plan.Decision insertDecision(dev.warroom.domain.plan.Decision decision) {
        return DecisionTable.insert(connection, decision);
    }

    /** Every recorded decision, newest first. */
    public List<dev.warroom.domain.plan.Decision> decisions() {
        return DecisionTable.all(connection);
    }

    /** Inserts, or replaces the assessment with the same date. */
    public dev.warroom.domain.plan.ReadinessAssessment saveReadiness(dev.warroom.domain.plan.ReadinessAssessment a,
                                                                     String by, Instant at) {
        return ReadinessTable.save(connection, a, by, at);
    }

    /** Readiness assessments, oldest first. */
    public List<dev.warroom.domain.plan.ReadinessAssessment> readinessAssessments() {
        return ReadinessTable.all(connection);
    }

    /** Event kind name → first time it happened at or after {@code since}; by name, so unknown kinds count too. */
    /** For each subject of a role or message event since {@code since}, when it first happened. */
    public Map<String, Instant> firstEventsBySubject(Instant since, java.util.Set<dev.warroom.domain.EventKind> kinds) {
        return TimelineTable.firstBySubject(connection, since, kinds);
    }

    public Map<String, Instant> firstEventsByKind(Instant since) {
        return TimelineTable.firstByKind(connection, since);
    }

    // crisis lifecycle and comms

    /** Crises newest first, active and past. */
    public List<Crisis> crises(int limit) {
        return CrisisTable.all(connection, limit);
    }

    public Optional<String> crisisSeverity(long crisisId) {
        return CrisisTable.severity(connection, crisisId);
    }

    public void setCrisisSeverity(long crisisId, String severity) {
        CrisisTable.setSeverity(connection, crisisId, severity);
    }

    /** Ends {@code crisis} if its version is still the stored one. */
    public Crisis endCrisis(Crisis crisis, Instant endedAt) {
        return CrisisTable.end(connection, crisis, endedAt);
    }

    /** Role key → who holds it now. */
    public Map<String, String> roleHolders(long crisisId) {
        return CrisisRoleTable.holders(connection, crisisId);
    }

    public void assignRole(long crisisId, String role, String holder, Instant since) {
        CrisisRoleTable.assign(connection, crisisId, role, holder, since);
    }

    public CommsEntry insertCommsEntry(CommsEntry entry) {
        return CommsTable.insert(connection, entry);
    }

    /** Channel → when its latest message was sent or skipped. */
    public Map<String, Instant> commsLastHandled(long crisisId) {
        return CommsTable.lastHandled(connection, crisisId);
    }

    public List<CommsEntry> commsEntries(long crisisId, int limit) {
        return CommsTable.latest(connection, crisisId, limit);
    }
}
