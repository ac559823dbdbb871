import Foundation
import Testing
@testable import NewswirePipeline

@Suite struct RestartPolicyTests {
    let t0 = Date(timeIntervalSinceReferenceDate: 0)
    func at(_ seconds: Double) -> Date { t0.addingTimeInterval(seconds) }

    @Test func backOffDoublesFromHalfASecondUpToThirty() {
        let policy = RestartPolicy(maxRestarts: 100)
        #expect((1...9).map(policy.delay(forAttempt:)) == [0.5, 1, 2, 4, 8, 16, 30, 30, 30])
    }

    @Test func quickCrashesGiveUpAfterMaxRestartsInARow() {
        var tracker = RestartTracker(policy: RestartPolicy(maxRestarts: 3, healthyAfter: 30), startedAt: at(0))
        var decisions: [RestartTracker.Decision] = []
        var now = 0.0
        for _ in 0..<4 {
            now += 1
            let d = tracker.crashed(at: at(now))
            decisions.append(d)
            tracker.started(at: at(now))
        }
        #expect(decisions == [.restart(delay: 0.5, attempt: 1), .restart(delay: 1, attempt: 2),
                              .restart(delay: 2, attempt: 3), .giveUp(attempts: 3)])
    }

    @Test func aHealthyRunResetsTheBackOff() {
        var tracker = RestartTracker(policy: RestartPolicy(maxRestarts: 2, healthyAfter: 30), startedAt: at(0))
        #expect(tracker.crashed(at: at(1)) == .restart(delay: 0.5, attempt: 1))
        tracker.started(at: at(2))
        #expect(tracker.crashed(at: at(3)) == .restart(delay: 1, attempt: 2))
        tracker.started(at: at(4))
        // Ran 40 s: healthy, so this crash counts as the first again instead of giving up.
        #expect(tracker.crashed(at: at(44)) == .restart(delay: 0.5, attempt: 1))
        #expect(tracker.consecutiveRestarts == 1)
    }

    @Test func aRunShorterThanHealthyAfterDoesNotReset() {
        var tracker = RestartTracker(policy: RestartPolicy(maxRestarts: 1, healthyAfter: 30), startedAt: at(0))
        #expect(tracker.crashed(at: at(1)) == .restart(delay: 0.5, attempt: 1))
        tracker.started(at: at(2))
        #expect(tracker.crashed(at: at(31)) == .giveUp(attempts: 1))
    }

    @Test func zeroMaxRestartsGivesUpOnTheFirstCrash() {
        var tracker = RestartTracker(policy: RestartPolicy(maxRestarts: 0), startedAt: at(0))
        #expect(tracker.crashed(at: at(1)) == .giveUp(attempts: 0))
    }

    @Test func finiteStagesFinishOnZeroAndThreeAndCrashOtherwise() {
        #expect(ExitOutcome.classify(.exited(0), finite: true) == .finished)
        #expect(ExitOutcome.classify(.exited(3), finite: true) == .finishedIncomplete)
        #expect(ExitOutcome.classify(.exited(1), finite: true) == .crashed)
        #expect(ExitOutcome.classify(.killed(by: 9), finite: true) == .crashed)
    }

    @Test func longRunningStagesCrashOnAnyExit() {
        #expect(ExitOutcome.classify(.exited(0), finite: false) == .crashed)
        #expect(ExitOutcome.classify(.exited(3), finite: false) == .crashed)
    }

    @Test func waitStatusWordsDecode() {
        #expect(ExitStatus(waitStatus: 3 << 8) == .exited(3))
        #expect(ExitStatus(waitStatus: 9) == .killed(by: 9))
        #expect(ExitStatus.exited(3).description == "exit status 3")
        #expect(ExitStatus.killed(by: 9).description.hasPrefix("killed by signal 9"))
    }

    @Test func runOutcomeFailsOnGiveUpOrIncompleteDelivery() {
        var o = RunOutcome()
        o.finiteStagesFinished = true
        #expect(!o.isFailure(exitWhenDone: true))
        o.incomplete = ["fetch-0"]
        #expect(o.isFailure(exitWhenDone: false))
        o = RunOutcome()
        o.gaveUpOn = "normalize-1"
        #expect(o.isFailure(exitWhenDone: false))
        #expect(RunOutcome().isFailure(exitWhenDone: true))
    }
}
