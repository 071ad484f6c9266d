using Maxxit.Sdk;

namespace Maxxit.Sample.Api.Dashboard.Dtos;

/// <summary>One venue's health.</summary>
/// <param name="Venue">Venue.</param>
/// <param name="Adapter">The adapter in charge (e.g. <c>paper</c>).</param>
/// <param name="Healthy">Whether the router currently considers it (the last health it reported).</param>
/// <param name="Detail">The adapter's own health detail, if any.</param>
/// <param name="Markets">Markets it lists in the catalog.</param>
public sealed record VenueHealthView(Venue Venue, string Adapter, bool Healthy, string? Detail, int Markets);
