using System;

namespace NegLR;

/// <summary>
/// Noise from a device profile (the JSON of <see cref="NegLR.DeviceProfile"/>): the file is passed to the compiler as an
/// <c>AdditionalFiles</c> item and named here by its path relative to the project or by its file name. The profile's
/// noise model (<see cref="NegLR.DeviceProfile.NoiseModelFor"/>: per-gate depolarizing error and thermal relaxation,
/// readout error) comes first; channel attributes on the same type follow it.
/// </summary>
/// <example>
/// <code>
/// &lt;ItemGroup&gt;&lt;AdditionalFiles Include="ibmq-manila.json" /&gt;&lt;/ItemGroup&gt;
///
/// [Ansatz(Qubits = 4)]
/// [DeviceProfile("ibmq-manila.json", Layout = new[] { 0, 1, 2, 3 })]
/// internal partial struct OnManila { ... }
/// </code>
/// </example>
[AttributeUsage(AttributeTargets.Struct | AttributeTargets.Class, Inherited = false)]
public sealed class DeviceProfileAttribute(string path) : Attribute
{
    /// <summary>The profile file: a path relative to the project, or a file name that matches one AdditionalFiles item.</summary>
    public string Path { get; } = path;

    /// <summary>The device qubit of each circuit qubit; default the identity (circuit qubit q on device qubit q).</summary>
    public int[]? Layout { get; set; }
}
