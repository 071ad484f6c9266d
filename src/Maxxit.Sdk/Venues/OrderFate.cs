namespace Maxxit.Sdk.Venues;

/// <summary>The venue's answer to <see cref="IOrderFateVenue.GetOrderFateAsync"/>.</summary>
public sealed record OrderFate
{
    /// <summary>What became of the order.</summary>
    public required OrderFateStatus Status { get; init; }

    /// <summary>Filled size in base units (0 unless <see cref="OrderFateStatus.Filled"/>).</summary>
    public decimal FilledQuantity { get; init; }

    /// <summary>Average fill price (0 unless filled).</summary>
    public decimal AveragePrice { get; init; }

    /// <summary>Fees of the fill, USD, when reported.</summary>
    public decimal FeesUsd { get; init; }

    /// <summary>Margin committed by the fill, USD, when the venue reports it (0: keep the requested collateral).</summary>
    public decimal CollateralUsd { get; init; }

    /// <summary>The venue's id for the filled order or trade (e.g. an on-chain trade index), replacing the stored one when not null.</summary>
    public string? VenueOrderId { get; init; }

    /// <summary>Why it was cancelled, or what is still awaited.</summary>
    public string? Reason { get; init; }

    /// <summary>A filled order.</summary>
    public static OrderFate Filled(decimal quantity, decimal averagePrice, decimal feesUsd, string? venueOrderId = null) =>
        new() { Status = OrderFateStatus.Filled, FilledQuantity = quantity, AveragePrice = averagePrice, FeesUsd = feesUsd, VenueOrderId = venueOrderId };

    /// <summary>An order the venue refused or cancelled.</summary>
    public static OrderFate Cancelled(string reason) => new() { Status = OrderFateStatus.Cancelled, Reason = reason };

    /// <summary>An order still waiting.</summary>
    public static OrderFate Pending(string? reason = null) => new() { Status = OrderFateStatus.Pending, Reason = reason };

    /// <summary>An order the venue does not know.</summary>
    public static OrderFate Unknown(string reason) => new() { Status = OrderFateStatus.Unknown, Reason = reason };
}
