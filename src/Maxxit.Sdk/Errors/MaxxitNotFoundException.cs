namespace Maxxit.Sdk.Errors;

/// <summary>An id named an entity that does not exist.</summary>
public sealed class MaxxitNotFoundException : MaxxitException
{
    /// <summary>Creates the error for the entity kind and id, and the field that carried the id.</summary>
    public MaxxitNotFoundException(string entity, string id, string field) : base($"{entity} '{id}' was not found")
    {
        Entity = entity;
        Id = id;
        Field = field;
    }

    /// <summary>What was looked up, e.g. <c>agent</c>.</summary>
    public string Entity { get; }

    /// <summary>The id that was not found.</summary>
    public string Id { get; }

    /// <summary>The member path that carried the id, e.g. <c>DeployAgentRequest.AgentId</c> or <c>signalId</c> (a store names its own column, e.g. <c>agent_id</c>).</summary>
    public string Field { get; }
}
