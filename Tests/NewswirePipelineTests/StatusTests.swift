import Foundation
import Testing
@testable import NewswirePipeline

@Suite struct StatusTests {
    static let prom = """
    # HELP newswire_messages_in_total Messages received.
    # TYPE newswire_messages_in_total counter
    newswire_messages_in_total{stage="extract",replica="extract-1"} 100
    newswire_messages_out_total{stage="extract",replica="extract-1"} 98
    newswire_messages_failed_total{stage="extract",replica="extract-1"} 2
    # TYPE newswire_processing_seconds histogram
    newswire_processing_seconds_bucket{stage="extract",replica="extract-1",le="0.001"} 40
    newswire_processing_seconds_bucket{stage="extract",replica="extract-1",le="0.01"} 90
    newswire_processing_seconds_bucket{stage="extract",replica="extract-1",le="0.1"} 99
    newswire_processing_seconds_bucket{stage="extract",replica="extract-1",le="+Inf"} 100
    newswire_processing_seconds_sum{stage="extract",replica="extract-1"} 0.71
    newswire_processing_seconds_count{stage="extract",replica="extract-1"} 100
    """

    func prom(_ stage: String, _ replica: String, in i: Int, out o: Int) -> PipelineStatus.Sample {
        PipelineStatus.parse("""
        newswire_messages_in_total{stage="\(stage)",replica="\(replica)"} \(i)
        newswire_messages_out_total{stage="\(stage)",replica="\(replica)"} \(o)
        """)!
    }

    @Test func parsesCountersLabelsAndBuckets() throws {
        let s = try #require(PipelineStatus.parse(Self.prom))
        #expect(s.stage == "extract" && s.replica == "extract-1")
        #expect((s.received, s.emitted, s.failed) == (100, 98, 2))
        #expect(s.buckets.map(\.upperBound) == [0.001, 0.01, 0.1, .infinity])
        #expect(s.buckets.map(\.count) == [40, 90, 99, 100])
    }

    @Test func textWithoutAStageIsNotASample() {
        #expect(PipelineStatus.parse("# nothing here\n") == nil)
    }

    @Test func percentilesInterpolateWithinTheirBucket() throws {
        let buckets = try #require(PipelineStatus.parse(Self.prom)).buckets
        // p50: rank 50 lies in (0.001, 0.01], 10 of that bucket's 50 observations in.
        let p50 = try #require(PipelineStatus.quantile(0.5, of: buckets))
        #expect(abs(p50 - (0.001 + 0.009 * 10 / 50)) < 1e-12)
        // p99: rank 99 is the last of (0.01, 0.1].
        let p99 = try #require(PipelineStatus.quantile(0.99, of: buckets))
        #expect(abs(p99 - 0.1) < 1e-12)
        // p10: inside the first bucket, from 0.
        let p10 = try #require(PipelineStatus.quantile(0.1, of: buckets))
        #expect(abs(p10 - 0.001 * 10 / 40) < 1e-12)
    }

    @Test func observationsAboveTheLastBoundReportThatBound() {
        let b = [PipelineStatus.Bucket(upperBound: 1, count: 1), .init(upperBound: .infinity, count: 10)]
        #expect(PipelineStatus.quantile(0.99, of: b) == 1)
    }

    @Test func anEmptyHistogramHasNoPercentile() {
        let b = [PipelineStatus.Bucket(upperBound: 1, count: 0), .init(upperBound: .infinity, count: 0)]
        #expect(PipelineStatus.quantile(0.5, of: b) == nil)
        #expect(PipelineStatus.quantile(0.5, of: []) == nil)
    }

    @Test func mergingAddsBucketByBucket() {
        let a = [PipelineStatus.Bucket(upperBound: 1, count: 2), .init(upperBound: .infinity, count: 3)]
        let b = [PipelineStatus.Bucket(upperBound: 1, count: 5), .init(upperBound: .infinity, count: 5)]
        #expect(PipelineStatus.merge([a, b]).map(\.count) == [7, 8])
    }

    func pipeline() throws -> PipelineFile {
        try PipelineFile.parse("""
        name: t
        workdir: var/t
        links:
          fetched: { in: "tcp://127.0.0.1:1", out: "tcp://127.0.0.1:2" }
          normalized: { in: "tcp://127.0.0.1:3", out: "tcp://127.0.0.1:4" }
        stages:
          - { name: fetch, command: f, output: fetched, finite: true }
          - { name: normalize, command: n, input: fetched, output: normalized, replicas: 2 }
          - { name: publish, command: p, input: normalized }
        """)
    }

    @Test func queueDepthIsUpstreamOutMinusDownstreamInNeverNegative() throws {
        let samples = [prom("fetch", "fetch-0", in: 10, out: 10),
                       prom("normalize", "normalize-0", in: 3, out: 3), prom("normalize", "normalize-1", in: 4, out: 4),
                       prom("publish", "publish-0", in: 9, out: 0)]
        let depths = PipelineStatus.queueDepths(pipeline: try pipeline(), samples: samples)
        #expect(depths.map(\.link) == ["fetched", "normalized"])
        #expect(depths.map(\.depth) == [3, 0])
    }

    @Test func rowsSumReplicasIntoStagesWithRatesAndRestarts() throws {
        let before = [prom("normalize", "normalize-0", in: 3, out: 3), prom("normalize", "normalize-1", in: 4, out: 4)]
        let after = [prom("normalize", "normalize-0", in: 5, out: 5), prom("normalize", "normalize-1", in: 10, out: 10)]
        let report = RunReport(supervisorPid: 1, pipeline: "t", startedAt: Date(), updatedAt: Date(), state: .running, replicas: [
            .init(name: "normalize-1", stage: "normalize", pid: 42, restarts: 2, state: .running, lastExit: .exited(1)),
        ])
        let rows = PipelineStatus.rows(pipeline: try pipeline(), samples: after, before: before, interval: 2, report: report)
        #expect(rows.map(\.name) == ["fetch", "fetch-0", "normalize", "normalize-0", "normalize-1", "publish", "publish-0"])
        let stage = try #require(rows.first { $0.name == "normalize" })
        #expect(stage.received == 15 && stage.restarts == 2 && stage.rate == 4)
        let replica = try #require(rows.first { $0.name == "normalize-1" })
        #expect(replica.pid == 42 && replica.state == "running" && replica.rate == 3)
    }

    @Test func whenNotRunningLiveStatesAreShownAsLost() throws {
        let report = RunReport(supervisorPid: 1, pipeline: "t", startedAt: Date(), updatedAt: Date(), state: .running, replicas: [
            .init(name: "publish-0", stage: "publish", pid: 42, restarts: 0, state: .running, lastExit: nil),
            .init(name: "fetch-0", stage: "fetch", pid: nil, restarts: 0, state: .finished, lastExit: .exited(0)),
        ])
        let rows = PipelineStatus.rows(pipeline: try pipeline(), samples: [], report: report, running: false)
        #expect(rows.first { $0.name == "publish-0" }?.state == "lost")
        #expect(rows.first { $0.name == "publish-0" }?.pid == nil)
        #expect(rows.first { $0.name == "fetch-0" }?.state == "finished")
    }

    @Test func runReportRoundTripsThroughItsFile() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("nw-status-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        let url = dir.appendingPathComponent("run.json")
        let report = RunReport(supervisorPid: 7, pipeline: "t", startedAt: Date(timeIntervalSince1970: 1_700_000_000),
                               updatedAt: Date(timeIntervalSince1970: 1_700_000_005), state: .stopped, replicas: [
            .init(name: "fetch-0", stage: "fetch", pid: nil, restarts: 1, state: .givenUp, lastExit: .killed(by: 9)),
        ])
        try report.write(to: url)
        #expect(RunReport.read(from: url) == report)
        #expect(try String(contentsOf: url, encoding: .utf8).contains("\"given-up\""))
    }

    @Test func logTailKeepsTheLastLines() {
        #expect(LogTail.lastLines(in: "a\nb\n\nc\nd\n", count: 3) == ["b", "c", "d"])
        #expect(LogTail.lastLines(in: "", count: 3).isEmpty)
    }
}
