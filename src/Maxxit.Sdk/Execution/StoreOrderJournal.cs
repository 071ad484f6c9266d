using Maxxit.Sdk.Storage;
using Maxxit.Sdk.Venues;

namespace Maxxit.Sdk.Execution;

/// <summary>Records submission ids on the reserved position row.</summary>
internal sealed class StoreOrderJournal(IExecutionStore store, Guid positionId, string? prior) : IOrderJournal
{
    public string? PriorSubmissionId { get; private set; } = prior;

    public async ValueTask RecordSubmissionAsync(string submissionId, CancellationToken cancellationToken)
    {
        await store.RecordSubmissionAsync(positionId, submissionId, cancellationToken).ConfigureAwait(false);
        PriorSubmissionId = submissionId;
    }
}
