namespace Maxxit.Sdk.Postgres.Internal;

/// <summary>Select lists in the order <see cref="Rows"/> reads them. Enums and arrays of enums come back as text.</summary>
internal static class Columns
{
    public const string Agent =
        "id, creator_wallet, name, venue::text, status, x_account_ids, research_institute_ids, weights, apr_30d, apr_90d, sharpe_30d, profit_receiver_address, created_at";

    public const string Signal =
        "id, agent_id, token_symbol, side, size_model, risk_model, confidence, requested_venue::text, final_venue::text, routed_at, "
        + "source_tweets, source_research, reasoning, status, skipped_reason, executed_at, lease_expires_at, created_at, fence";

    public const string Position =
        "id, deployment_id, signal_id, venue::text, token_symbol, side, qty, entry_price, size_percent, leverage, collateral_usd, stop_loss, take_profit, "
        + "trailing_params, status, pnl, fees_usd, exit_price, close_reason, client_order_id, venue_order_id, submission_id, failure_reason, "
        + "lease_expires_at, opened_at, closed_at, fence, attempts, close_attempts, close_pending, intended_notional";

    /// <summary>
    /// What the position monitor checks (<see cref="Rows.MonitoredPosition"/>): the side as a flag and the trailing
    /// stop's two numbers taken out of the jsonb on the server, so that no text or JSON is decoded per row.
    /// </summary>
    public const string MonitoredPosition =
        "id, opened_at, venue::text, token_symbol, side = 'SHORT', stop_loss, take_profit, "
        + "trailing_params IS NOT NULL, (trailing_params->>'retrace')::numeric, (trailing_params->>'best_price')::numeric";

    public const string Routing =
        "id, signal_id, deployment_id, token_symbol, requested_venue::text, selected_venue::text, routing_reason, checked_venues::text[], "
        + "venue_availability, routing_duration_ms, created_at";

    public const string RoutingConfig = "id, agent_id, venue_priority::text[], routing_strategy, failover_enabled";

    public const string Policy = "signal_id, deployment_id, outcome, adjustments, rejected_by, reason, created_at";

    /// <summary>Prefixes each column of a select list with a table alias.</summary>
    public static string Prefixed(string list, string alias) =>
        string.Join(", ", list.Split(", ").Select(c => alias + "." + c));
}
