using System.Collections.Immutable;
using NegLR.Generator.Model;

namespace NegLR.Generator.Parsing;

/// <summary>
/// The noise declared on an <c>[Ansatz]</c> type, read from its attributes by <see cref="NoiseDeclarationReader"/>: the
/// channel attributes in written order, the readout-error attributes, and the device profile. Value-equal and free of
/// Roslyn objects (no symbols, syntax or locations; an attribute is named by its index in the type's
/// <c>GetAttributes()</c>), so the generator's pipeline caches on it and the analyzers share the same reading.
/// </summary>
/// <param name="Channels">The channel attributes (<c>[Depolarizing]</c>, …) in the order written.</param>
/// <param name="Readouts">The <c>[ReadoutError]</c> attributes in the order written (a later one overrides an earlier one on a qubit).</param>
/// <param name="Profile">The <c>[DeviceProfile]</c>, or null.</param>
internal sealed record NoiseDeclaration(
    EquatableArray<DeclaredChannel> Channels,
    EquatableArray<DeclaredReadout> Readouts,
    DeclaredProfile? Profile)
{
    /// <summary>No noise declared: the ansatz is ideal.</summary>
    public static NoiseDeclaration None { get; } = new(EquatableArray<DeclaredChannel>.Empty, EquatableArray<DeclaredReadout>.Empty, null);

    /// <summary>True when the type declares no channel, readout error or profile.</summary>
    public bool IsEmpty => Channels.Count == 0 && Readouts.Count == 0 && Profile is null;
}

/// <summary>Which gates a channel follows when <see cref="DeclaredChannel.GatesSet"/> is false (the values of <c>NegLR.NoiseAfter</c>).</summary>
internal enum DeclaredNoiseAfter
{
    /// <summary>Every gate (a two-qubit channel: every two-qubit gate).</summary>
    AllGates = 0,

    /// <summary>Every one-qubit gate.</summary>
    SingleQubitGates = 1,

    /// <summary>Every two-qubit gate.</summary>
    TwoQubitGates = 2,
}

/// <summary>
/// One channel attribute. <see cref="Parameters"/> are in the order of the runtime factory
/// (<see cref="NoiseChannel.ParameterNames"/>): for <c>[ThermalRelaxation(t1, t2, gateTime)]</c> that is
/// t1, t2, time, excitedPopulation (the named <c>ExcitedPopulation</c>, 0 when not set).
/// </summary>
/// <param name="Kind">The channel.</param>
/// <param name="Parameters">The channel's parameters in the factory's order.</param>
/// <param name="After">The <c>After</c> property (its raw value when it is not a defined <c>NoiseAfter</c>).</param>
/// <param name="GatesSet">Whether <c>Gates</c> was given (a null array counts as not given).</param>
/// <param name="Gates">The <c>Gates</c> kinds as the integers of <c>GateKind</c>, in written order.</param>
/// <param name="QubitsSet">Whether <c>Qubits</c> was given (a null array counts as not given).</param>
/// <param name="Qubits">The <c>Qubits</c> list, in written order.</param>
/// <param name="AttributeIndex">The attribute's index in the type's <c>GetAttributes()</c>.</param>
/// <param name="Bound">False when an argument did not bind (a compiler error); validation then skips the attribute.</param>
internal sealed record DeclaredChannel(
    ChannelKind Kind,
    EquatableArray<double> Parameters,
    DeclaredNoiseAfter After,
    bool GatesSet,
    EquatableArray<int> Gates,
    bool QubitsSet,
    EquatableArray<int> Qubits,
    int AttributeIndex,
    bool Bound)
{
    /// <summary>The qubits the channel acts on: 2 for <see cref="ChannelKind.TwoQubitDepolarizing"/>, else 1.</summary>
    public int ChannelQubits => Kind == ChannelKind.TwoQubitDepolarizing ? 2 : 1;

    /// <summary>The attribute's name as written without the suffix, e.g. <c>Depolarizing</c>.</summary>
    public string AttributeName => Kind.ToString();
}

/// <summary>One <c>[ReadoutError(p1Given0, p0Given1, Qubits = …)]</c>.</summary>
/// <param name="Probability1Given0">P(read 1 | state 0).</param>
/// <param name="Probability0Given1">P(read 0 | state 1).</param>
/// <param name="QubitsSet">Whether <c>Qubits</c> was given (else every qubit).</param>
/// <param name="Qubits">The circuit qubits it applies to.</param>
/// <param name="AttributeIndex">The attribute's index in the type's <c>GetAttributes()</c>.</param>
/// <param name="Bound">False when an argument did not bind.</param>
internal sealed record DeclaredReadout(
    double Probability1Given0,
    double Probability0Given1,
    bool QubitsSet,
    EquatableArray<int> Qubits,
    int AttributeIndex,
    bool Bound);

/// <summary>The <c>[DeviceProfile(path, Layout = …)]</c>.</summary>
/// <param name="Path">The path as written (relative to the project, or a file name), or null when it did not bind.</param>
/// <param name="LayoutSet">Whether <c>Layout</c> was given (else circuit qubit q runs on device qubit q).</param>
/// <param name="Layout">Device qubit of each circuit qubit.</param>
/// <param name="AttributeIndex">The attribute's index in the type's <c>GetAttributes()</c>.</param>
internal sealed record DeclaredProfile(
    string? Path,
    bool LayoutSet,
    EquatableArray<int> Layout,
    int AttributeIndex);

/// <summary>Argument names of the noise attributes, as the attribute constructors and properties spell them.</summary>
internal static class NoiseAttributeNames
{
    public const string Namespace = "NegLR";
    public const string ReadoutError = "ReadoutErrorAttribute";
    public const string DeviceProfile = "DeviceProfileAttribute";
    public const string After = "After";
    public const string Gates = "Gates";
    public const string Qubits = "Qubits";
    public const string Layout = "Layout";
    public const string ExcitedPopulation = "ExcitedPopulation";

    /// <summary>
    /// The channel of a channel attribute class name (<c>DepolarizingAttribute</c> → <see cref="ChannelKind.Depolarizing"/>),
    /// or null for any other class.
    /// </summary>
    public static ChannelKind? ChannelOf(string className) => className switch
    {
        "DepolarizingAttribute" => ChannelKind.Depolarizing,
        "BitFlipAttribute" => ChannelKind.BitFlip,
        "PhaseFlipAttribute" => ChannelKind.PhaseFlip,
        "BitPhaseFlipAttribute" => ChannelKind.BitPhaseFlip,
        "PauliChannelAttribute" => ChannelKind.PauliChannel,
        "AmplitudeDampingAttribute" => ChannelKind.AmplitudeDamping,
        "GeneralizedAmplitudeDampingAttribute" => ChannelKind.GeneralizedAmplitudeDamping,
        "PhaseDampingAttribute" => ChannelKind.PhaseDamping,
        "ThermalRelaxationAttribute" => ChannelKind.ThermalRelaxation,
        "ResetErrorAttribute" => ChannelKind.ResetError,
        "TwoQubitDepolarizingAttribute" => ChannelKind.TwoQubitDepolarizing,
        _ => null,
    };

    /// <summary>
    /// The attribute's constructor parameters for a channel, in order (the factory's parameters are the same, except
    /// thermal relaxation's <c>time</c>, which the attribute calls <c>gateTime</c>, and its excited population, a property).
    /// </summary>
    public static ImmutableArray<string> ConstructorParameters(ChannelKind kind) => kind switch
    {
        ChannelKind.PauliChannel => ImmutableArray.Create("pX", "pY", "pZ"),
        ChannelKind.AmplitudeDamping or ChannelKind.PhaseDamping => ImmutableArray.Create("gamma"),
        ChannelKind.GeneralizedAmplitudeDamping => ImmutableArray.Create("gamma", "excitedPopulation"),
        ChannelKind.ThermalRelaxation => ImmutableArray.Create("t1", "t2", "gateTime"),
        ChannelKind.ResetError => ImmutableArray.Create("p0", "p1"),
        _ => ImmutableArray.Create("p"),
    };

    /// <summary>The readout attribute's constructor parameters.</summary>
    public static ImmutableArray<string> ReadoutParameters { get; } = ImmutableArray.Create("probability1Given0", "probability0Given1");
}
