using NegLR.Generator.Model;
using NegLR.Generator.Parsing;

namespace NegLR.Generator.Noise;

/// <summary>
/// The noise of one ansatz: the declaration read from its attributes and the channels its <c>[Circuit]</c> body writes
/// (set by the builder), then — after <see cref="NoiseStep"/> — the text of the device profile it names and what the
/// emitter documents. Value-equal: an edit to a profile changes this only for the ansätze that name that profile, so
/// only they are re-emitted; a declaration with no noise has none, and its output is exactly the ideal one.
/// </summary>
/// <param name="Declaration">The noise attributes (empty when only the body writes channels).</param>
/// <param name="BodyChannels">Channels the body writes (<c>c.Depolarizing(q, p)</c>, …), with their positions.</param>
/// <param name="ProfileText">The device profile's JSON once resolved, or null (none named, or not resolved yet).</param>
/// <param name="Channels">Channels in the noisy circuit (the model's and the body's), once resolved.</param>
/// <param name="HasReadout">Whether the model has a readout error, once resolved.</param>
/// <param name="Resolved">Whether <see cref="NoiseStep"/> has checked it and built the model.</param>
internal sealed record NoiseSpec(
    NoiseDeclaration Declaration,
    EquatableArray<ChannelPlacement> BodyChannels,
    string? ProfileText = null,
    int Channels = 0,
    bool HasReadout = false,
    bool Resolved = false);
