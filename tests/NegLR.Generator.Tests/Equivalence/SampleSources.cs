namespace NegLR.Generator.Tests.Equivalence;

/// <summary>Declarations shared by several generator tests.</summary>
internal static class SampleSources
{
    /// <summary>The canonical DSL example: a 4-qubit Iris classifier with a CNOT ladder and a Z0 readout.</summary>
    public const string IrisClassifier = """
        using NegLR;

        namespace Samples;

        [Ansatz(Qubits = 4)]
        [Observable("Z0")]
        public partial struct IrisClassifier
        {
            [Circuit]
            static void Build(Circuit c)
            {
                for (int q = 0; q < 4; q++) c.RY(q, c.Input(q));          // angle-encode 4 features
                for (int layer = 0; layer < 3; layer++)
                {
                    for (int q = 0; q < 4; q++) { c.RY(q, c.Weight()); c.RZ(q, c.Weight()); }
                    for (int q = 0; q < 3; q++) c.CNOT(q, q + 1);
                }
            }
        }
        """;

    /// <summary>The template shorthand, with no body.</summary>
    public const string TemplateAnsatz = """
        using NegLR;

        namespace Samples;

        [Ansatz(Qubits = 5, Template = AnsatzTemplate.HardwareEfficient, Layers = 3)]
        [Observable("0.5 Z0 Z1 - 1.2 X2 + 0.3")]
        public partial struct Hea;
        """;
}
