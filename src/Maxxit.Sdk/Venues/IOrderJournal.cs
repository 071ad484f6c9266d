namespace Maxxit.Sdk.Venues;

/// <summary>
/// Lets an adapter record a submission id (e.g. a transaction hash) durably before it sends the order, so that a
/// re-run after a crash can find the first submission instead of sending a second one.
/// </summary>
public interface IOrderJournal
{
    /// <summary>The submission recorded by an earlier attempt, if any.</summary>
    string? PriorSubmissionId { get; }

    /// <summary>Records the submission id durably; call before sending.</summary>
    ValueTask RecordSubmissionAsync(string submissionId, CancellationToken cancellationToken);
}
