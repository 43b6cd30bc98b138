using System;
using System.IO;
using System.Reflection;

namespace NegLR;

// Reading profiles from files and the examples shipped in the package (Runtime only: file and resource access).
public sealed partial class DeviceProfile
{
    /// <summary>Reads a profile from a JSON file.</summary>
    /// <exception cref="FileNotFoundException">There is no such file.</exception>
    /// <exception cref="DeviceProfileException">The file is malformed; the message starts with the file name and the JSON path.</exception>
    public static DeviceProfile Load(string path)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        string text = File.ReadAllText(path);
        try
        {
            return Parse(text);
        }
        catch (DeviceProfileException e)
        {
            throw new DeviceProfileException(Path.GetFileName(path) + ": " + e.Message, e.JsonPath, e.Line, e.Column);
        }
    }

    /// <summary>
    /// An example profile shipped with NegLR (illustrative numbers, sources in each file):
    /// <c>ibmq-manila-2024-05-27</c> (5 superconducting qubits in a line) or <c>trapped-ion-11q-2019</c> (11 fully
    /// connected trapped-ion qubits).
    /// </summary>
    /// <exception cref="ArgumentException">No example has that name.</exception>
    public static DeviceProfile Example(string name)
    {
        ArgumentException.ThrowIfNullOrEmpty(name);
        var assembly = typeof(DeviceProfile).Assembly;
        using var stream = assembly.GetManifestResourceStream("NegLR.Noise.Profiles." + name + ".json")
            ?? throw new ArgumentException(
                $"There is no example profile \"{name}\"; the examples are {string.Join(", ", ExampleNames)}.", nameof(name));
        using var reader = new StreamReader(stream);
        return Parse(reader.ReadToEnd());
    }

    /// <summary>The names <see cref="Example"/> accepts.</summary>
    public static string[] ExampleNames { get; } = { "ibmq-manila-2024-05-27", "trapped-ion-11q-2019" };
}
