using Maxxit.Sdk.Venues;

namespace Maxxit.Sdk.Ostium.Tests.Fakes;

/// <summary>An in-memory journal that also notes how many transactions the node had received when each id was recorded.</summary>
internal sealed class RecordingJournal(FakeOstiumNode node, string? prior = null) : IOrderJournal
{
    public string? PriorSubmissionId { get; private set; } = prior;

    public List<(string Id, int SendsBefore)> Records { get; } = [];

    public ValueTask RecordSubmissionAsync(string submissionId, CancellationToken cancellationToken)
    {
        Records.Add((submissionId, node.SendCount));
        PriorSubmissionId = submissionId;
        return ValueTask.CompletedTask;
    }
}
