using Maxxit.Sdk.Agents;
using Maxxit.Sdk.Policies;
using Maxxit.Sdk.Positions;
using Maxxit.Sdk.Routing;
using Maxxit.Sdk.Security;
using Maxxit.Sdk.Signals;
using Maxxit.Sdk.Storage;
using Npgsql;

namespace Maxxit.Sdk.Postgres.Internal;

/// <summary>Reads one row of each table (in <see cref="Columns"/> order) into its domain record.</summary>
internal static class Rows
{
    public static Agent Agent(NpgsqlDataReader r) => new()
    {
        Id = r.GetGuid(0),
        CreatorWallet = r.GetString(1),
        Name = r.GetString(2),
        Venue = DbNames.ParseVenue(r.GetString(3)),
        Status = DbNames.ParseAgentStatus(r.GetString(4)),
        XAccountIds = r.GetFieldValue<string[]>(5),
        ResearchInstituteIds = r.GetFieldValue<string[]>(6),
        Weights = Json.Read<AgentWeights>(r.GetString(7), "weights"),
        Metrics = new AgentMetrics(NullableDecimal(r, 8), NullableDecimal(r, 9), NullableDecimal(r, 10)),
        ProfitReceiverAddress = NullableString(r, 11),
        CreatedAt = Time(r, 12),
    };

    public static AgentDeployment Deployment(NpgsqlDataReader r)
    {
        // Column 5: the rows of agent_wallets_v3 as [[venue, address, ciphertext, iv, tag, key id], …].
        var wallets = new Dictionary<Venue, VenueAgentWallet>();
        foreach (var w in Json.Read<string?[][]>(r.GetString(5), "agent_wallets"))
        {
            // A NULL key id is a legacy key (before migration 004): it decrypts without associated data until rotation binds it.
            var key = w[2] is null ? null : new EncryptedSecret(w[2]!, w[3]!, w[4]!) { KeyId = w[5] };
            wallets[DbNames.ParseVenue(w[0]!)] = new VenueAgentWallet(w[1]!, key);
        }

        // Each key is bound to this row's own user wallet, venue and address: a ciphertext copied from another row fails.
        return AgentKeyBinding.BindKeys(new AgentDeployment
        {
            Id = r.GetGuid(0),
            AgentId = r.GetGuid(1),
            UserWallet = r.GetString(2),
            Status = DbNames.ParseDeploymentStatus(r.GetString(3)),
            SubActive = r.GetBoolean(4),
            AgentWallets = wallets,
            Policy = r.IsDBNull(6) ? null : Json.Read<DeploymentPolicy>(r.GetString(6), "policy"),
            CreatedAt = Time(r, 7),
        });
    }

    public static Signal Signal(NpgsqlDataReader r) => new()
    {
        Id = r.GetGuid(0),
        AgentId = r.GetGuid(1),
        TokenSymbol = r.GetString(2),
        Side = DbNames.ParseSide(r.GetString(3)),
        SizeModel = Json.Read<SizeModelForm>(r.GetString(4), "size_model").ToModel(),
        RiskModel = Json.Read<RiskModelForm>(r.GetString(5), "risk_model").ToModel(),
        Confidence = r.GetDecimal(6),
        RequestedVenue = DbNames.ParseVenue(r.GetString(7)),
        FinalVenue = r.IsDBNull(8) ? null : DbNames.ParseVenue(r.GetString(8)),
        RoutedAt = NullableTime(r, 9),
        SourceTweets = r.GetFieldValue<string[]>(10),
        SourceResearch = r.GetFieldValue<string[]>(11),
        Reasoning = NullableString(r, 12),
        Status = DbNames.ParseSignalStatus(r.GetString(13)),
        SkippedReason = NullableString(r, 14),
        ExecutedAt = NullableTime(r, 15),
        LeaseExpiresAt = NullableTime(r, 16),
        CreatedAt = Time(r, 17),
        Fence = r.GetInt64(18),
    };

    public static Position Position(NpgsqlDataReader r) => new()
    {
        Id = r.GetGuid(0),
        DeploymentId = r.GetGuid(1),
        SignalId = r.GetGuid(2),
        Venue = DbNames.ParseVenue(r.GetString(3)),
        TokenSymbol = r.GetString(4),
        Side = DbNames.ParseSide(r.GetString(5)),
        Quantity = r.GetDecimal(6),
        EntryPrice = r.GetDecimal(7),
        SizePercent = r.GetDecimal(8),
        Leverage = r.GetDecimal(9),
        CollateralUsd = r.GetDecimal(10),
        StopLoss = NullableDecimal(r, 11),
        TakeProfit = NullableDecimal(r, 12),
        Trailing = r.IsDBNull(13) ? null : Json.Read<TrailingParams>(r.GetString(13), "trailing_params"),
        Status = DbNames.ParsePositionStatus(r.GetString(14)),
        Pnl = NullableDecimal(r, 15),
        FeesUsd = r.GetDecimal(16),
        ExitPrice = NullableDecimal(r, 17),
        CloseReason = r.IsDBNull(18) ? null : DbNames.ParseCloseReason(r.GetString(18)),
        ClientOrderId = r.GetString(19),
        VenueOrderId = NullableString(r, 20),
        SubmissionId = NullableString(r, 21),
        FailureReason = NullableString(r, 22),
        LeaseExpiresAt = NullableTime(r, 23),
        OpenedAt = Time(r, 24),
        ClosedAt = NullableTime(r, 25),
        Fence = r.GetInt64(26),
        Attempts = r.GetInt32(27),
        CloseAttempts = r.GetInt32(28),
        ClosePending = r.GetBoolean(29),
        IntendedNotionalUsd = r.GetDecimal(30),
    };

    public static MonitoredPosition MonitoredPosition(NpgsqlDataReader r)
    {
        var id = r.GetGuid(0);
        TrailingParams? trailing = null;
        if (r.GetBoolean(7))
        {
            trailing = r.IsDBNull(8) || r.IsDBNull(9)
                ? throw new InvalidOperationException($"Column trailing_params of position {id} lacks retrace or best_price")
                : new TrailingParams(r.GetDecimal(8), r.GetDecimal(9));
        }

        return new MonitoredPosition(
            id,
            Time(r, 1),
            DbNames.ParseVenue(r.GetString(2)),
            r.GetString(3),
            r.GetBoolean(4) ? TradeSide.Short : TradeSide.Long,
            NullableDecimal(r, 5),
            NullableDecimal(r, 6),
            trailing);
    }

    public static RoutingRecord Routing(NpgsqlDataReader r) => Routing(r, RoutingAvailabilityJson.Read(r.GetString(8)));

    private static RoutingRecord Routing(NpgsqlDataReader r, (IReadOnlyDictionary<Venue, bool> Availability, IReadOnlyDictionary<Venue, VenueRoutingDetail>? Details) venues) => new()
    {
        Id = r.GetGuid(0),
        SignalId = r.GetGuid(1),
        DeploymentId = r.IsDBNull(2) ? null : r.GetGuid(2),
        TokenSymbol = r.GetString(3),
        RequestedVenue = DbNames.ParseVenue(r.GetString(4)),
        SelectedVenue = r.IsDBNull(5) ? null : DbNames.ParseVenue(r.GetString(5)),
        RoutingReason = r.GetString(6),
        CheckedVenues = r.GetFieldValue<string[]>(7).Select(DbNames.ParseVenue).ToArray(),
        VenueAvailability = venues.Availability,
        VenueDetails = venues.Details,
        RoutingDurationMs = r.GetDouble(9),
        CreatedAt = Time(r, 10),
    };

    public static RoutingConfig RoutingConfig(NpgsqlDataReader r) => new()
    {
        Id = r.GetGuid(0),
        AgentId = r.IsDBNull(1) ? null : r.GetGuid(1),
        VenuePriority = r.GetFieldValue<string[]>(2).Select(DbNames.ParseVenue).ToArray(),
        Strategy = DbNames.ParseStrategy(r.GetString(3)),
        FailoverEnabled = r.GetBoolean(4),
    };

    public static PolicyRecord Policy(NpgsqlDataReader r) => new(
        r.GetGuid(0),
        r.GetGuid(1),
        DbNames.ParseOutcome(r.GetString(2)),
        Json.Read<PolicyAdjustment[]>(r.GetString(3), "adjustments"),
        NullableString(r, 4),
        NullableString(r, 5),
        Time(r, 6));

    public static DateTimeOffset Time(NpgsqlDataReader r, int i) => r.GetFieldValue<DateTimeOffset>(i);

    private static DateTimeOffset? NullableTime(NpgsqlDataReader r, int i) => r.IsDBNull(i) ? null : r.GetFieldValue<DateTimeOffset>(i);

    private static decimal? NullableDecimal(NpgsqlDataReader r, int i) => r.IsDBNull(i) ? null : r.GetDecimal(i);

    private static string? NullableString(NpgsqlDataReader r, int i) => r.IsDBNull(i) ? null : r.GetString(i);
}
