import Foundation
import NewswireFetch
import Testing

@Suite("RetryPolicy")
struct RetryPolicyTests {
    let policy = RetryPolicy(maxAttempts: 5, baseDelay: .milliseconds(100), maxDelay: .seconds(2))

    @Test func backOffCeilingDoublesPerAttempt() {
        #expect(policy.ceiling(attempt: 1) == .milliseconds(100))
        #expect(policy.ceiling(attempt: 2) == .milliseconds(200))
        #expect(policy.ceiling(attempt: 3) == .milliseconds(400))
    }

    @Test func backOffIsCappedAtMaxDelay() {
        #expect(policy.ceiling(attempt: 6) == .seconds(2))
        #expect(policy.ceiling(attempt: 10_000) == .seconds(2))
    }

    @Test func fullJitterStaysWithinZeroAndTheCeiling() {
        #expect(policy.delay(attempt: 3, retryAfter: nil, random: 0) == .zero)
        #expect(policy.delay(attempt: 3, retryAfter: nil, random: 1) == .milliseconds(400))
        #expect(policy.delay(attempt: 3, retryAfter: nil, random: 0.25) == .milliseconds(100))
        for _ in 0..<200 {
            let delay = policy.delay(attempt: 4, retryAfter: nil, random: Double.random(in: 0...1))
            #expect(delay >= .zero && delay <= .milliseconds(800))
        }
        #expect(policy.delay(attempt: 1, retryAfter: nil, random: 7) == .milliseconds(100))
    }

    @Test func retryAfterWinsOverBackOffButIsCapped() {
        #expect(policy.delay(attempt: 1, retryAfter: .milliseconds(1_500), random: 0) == .milliseconds(1_500))
        #expect(policy.delay(attempt: 1, retryAfter: .seconds(3_600), random: 0) == .seconds(2))
    }

    @Test func retryableStatuses() {
        #expect(RetryPolicy.isRetryable(status: 429))
        #expect(RetryPolicy.isRetryable(status: 503))
        #expect(RetryPolicy.isRetryable(status: 500))
        #expect(!RetryPolicy.isRetryable(status: 501))
        #expect(!RetryPolicy.isRetryable(status: 404))
        #expect(!RetryPolicy.isRetryable(status: 200))
    }
}

@Suite("Retry-After parsing")
struct RetryAfterTests {
    @Test func secondsForm() {
        #expect(RetryAfter.parse("120") == .seconds(120))
        #expect(RetryAfter.parse(" 0 ") == .zero)
        #expect(RetryAfter.parse("-5") == nil)
    }

    @Test func httpDateForm() {
        let now = Date(timeIntervalSince1970: 1_445_412_390)  // 21 Oct 2015 07:26:30 GMT
        #expect(RetryAfter.parse("Wed, 21 Oct 2015 07:28:00 GMT", now: now) == .seconds(90))
        #expect(RetryAfter.parse("Wed, 21 Oct 2015 07:00:00 GMT", now: now) == .zero)
    }

    @Test func garbageIsIgnored() {
        #expect(RetryAfter.parse("soon") == nil)
        #expect(RetryAfter.parse("") == nil)
    }
}
