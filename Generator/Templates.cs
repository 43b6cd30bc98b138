namespace NegLR.Generator;

/// <summary>Records the template an [Ansatz(Template = …)] names, on the same Circuit type the runtime uses.</summary>
internal static class Templates
{
    public static Circuit Build(AnsatzTemplate template, int qubits, int layers)
    {
        var c = new Circuit(qubits);
        return template switch
        {
            AnsatzTemplate.HardwareEfficient => c.HardwareEfficient(layers),
            AnsatzTemplate.BasicEntanglerLayers => c.BasicEntanglerLayers(layers),
            AnsatzTemplate.StronglyEntanglingLayers => c.StronglyEntanglingLayers(layers),
            _ => c,
        };
    }
}
