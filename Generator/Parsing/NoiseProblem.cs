namespace NegLR.Generator.Parsing;

/// <summary>What is wrong with a noise declaration; each kind is one analyzer diagnostic.</summary>
internal enum NoiseProblemKind
{
    /// <summary>A channel's probability (or excited population) is NaN, outside [0, 1], or the probabilities add up to more than 1.</summary>
    ProbabilityOutOfRange,

    /// <summary>Thermal relaxation times: T1 or T2 not positive, T2 &gt; 2·T1, or a negative gate time.</summary>
    InvalidRelaxationTimes,

    /// <summary>A two-qubit channel declared after one-qubit gates.</summary>
    TwoQubitChannelAfterSingleQubitGates,

    /// <summary><c>Gates</c> (or <c>After</c>) names gates the channel cannot follow, or none at all.</summary>
    GatesNotFollowable,

    /// <summary>A channel's <c>Qubits</c> names a qubit the circuit lacks, repeats one, or has the wrong count.</summary>
    QubitOutOfRange,

    /// <summary>A readout probability is outside [0, 1], or P(1|0) + P(0|1) ≥ 1.</summary>
    ReadoutProbabilityOutOfRange,

    /// <summary>A readout error's <c>Qubits</c> names a qubit the circuit lacks, or repeats one.</summary>
    ReadoutQubitOutOfRange,

    /// <summary>The profile file is not among the AdditionalFiles (or no path was given).</summary>
    ProfileMissing,

    /// <summary>The profile path matches more than one AdditionalFiles item.</summary>
    ProfileAmbiguous,

    /// <summary>The profile file is not valid JSON or does not follow the profile schema.</summary>
    ProfileMalformed,

    /// <summary>The circuit (or its layout) needs device qubits the profile does not describe, or gates it does not calibrate.</summary>
    ProfileLacksQubits,

    /// <summary>The layout does not give one distinct device qubit per circuit qubit.</summary>
    LayoutWrongSize,
}

/// <summary>
/// Where in an attribute a problem lies: a constructor argument (by position and parameter name), a named argument
/// (property), or one element of an array argument. <see cref="Name"/> null means the attribute as a whole.
/// </summary>
/// <param name="Name">The parameter or property name, e.g. <c>p</c>, <c>t2</c>, <c>Qubits</c>; null for the whole attribute.</param>
/// <param name="Position">The constructor parameter's position, or -1 for a property.</param>
/// <param name="Element">The array element, or -1 for the whole argument.</param>
internal sealed record NoiseArgument(string? Name, int Position, int Element)
{
    /// <summary>The attribute as a whole.</summary>
    public static NoiseArgument Attribute { get; } = new(null, -1, -1);

    /// <summary>Constructor argument <paramref name="position"/> named <paramref name="name"/>.</summary>
    public static NoiseArgument Constructor(string name, int position) => new(name, position, -1);

    /// <summary>The named argument (property) <paramref name="name"/>, or one of its elements.</summary>
    public static NoiseArgument Property(string name, int element = -1) => new(name, -1, element);
}

/// <summary>One problem of a noise declaration: which attribute, which argument, and a message that names the problem and the fix.</summary>
/// <param name="Kind">What is wrong.</param>
/// <param name="AttributeIndex">The attribute's index in the type's <c>GetAttributes()</c>.</param>
/// <param name="Argument">Where in the attribute.</param>
/// <param name="Message">The problem and its fix, one or two sentences (invariant culture).</param>
internal sealed record NoiseProblem(NoiseProblemKind Kind, int AttributeIndex, NoiseArgument Argument, string Message);
