using Maxxit.Sdk.Storage;
using Maxxit.Sdk.Venues;

namespace Maxxit.Sdk.Execution;

/// <summary>Records submission ids on the submitted position row, under the executor's fence.</summary>
internal sealed class StoreOrderJournal(IExecutionStore store, Guid positionId, long fence, string? prior) : IOrderJournal
{
    public string? PriorSubmissionId { get; private set; } = prior;

    public async ValueTask RecordSubmissionAsync(string submissionId, CancellationToken cancellationToken)
    {
        // Refused under a lapsed claim: the adapter must not send what could not be journaled.
        _ = await store.RecordSubmissionAsync(positionId, fence, submissionId, cancellationToken).ConfigureAwait(false)
            ?? throw new InvalidOperationException($"position {positionId} is held by a newer executor; the submission was not journaled and must not be sent");
        PriorSubmissionId = submissionId;
    }
}
