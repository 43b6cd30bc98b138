using System;
using System.Linq;

namespace NegLR.Tests.Noise;

/// <summary>Device profiles: the JSON format, its errors with JSON paths, and the noise model that matches each gate's error.</summary>
public class DeviceProfileTests
{
    private const string Minimal = """
        {
          "name": "test device",
          "source": "made up for the tests",
          "timeUnit": "us",
          "qubits": [
            { "t1": 100, "t2": 80, "readout": { "p1Given0": 0.01, "p0Given1": 0.03 } },
            { "t1": 50, "t2": 100, "excitedPopulation": 0.02, "readout": { "p1Given0": 0.02, "p0Given1": 0.05 } },
            { "t1": null, "t2": null, "readout": { "p1Given0": 0, "p0Given1": 0 } }
          ],
          "gates": [
            { "gate": "RZ", "error": 0, "duration": 0 },
            { "gate": "any", "arity": 1, "error": 0.001, "duration": 0.05 },
            { "gate": "sx", "qubits": [1], "error": 0.004, "duration": 0.04 },
            { "gate": "cx", "qubits": [0, 1], "error": 0.02, "duration": 0.4 },
            { "gate": "any", "qubits": [1, 2], "error": 0.03, "duration": 0.5 }
          ]
        }
        """;

    [Fact]
    public void ExampleProfiles_Load_AndCoverTheirDevices()
    {
        var manila = DeviceProfile.Example("ibmq-manila-2024-05-27");
        Assert.True(manila.Illustrative);
        Assert.Equal(5, manila.Qubits.Length);
        Assert.Contains("props_manila.json", manila.Source, StringComparison.Ordinal);
        var ion = DeviceProfile.Example("trapped-ion-11q-2019");
        Assert.Equal(11, ion.Qubits.Length);
        Assert.Contains("10.1038/s41467-019-13534-2", ion.Source, StringComparison.Ordinal);
        var e = Assert.Throws<ArgumentException>(() => DeviceProfile.Example("nope"));
        Assert.Contains("ibmq-manila-2024-05-27", e.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(0, GateKind.RY, 0.001)]     // any one-qubit gate on qubit 0
    [InlineData(1, GateKind.SX, 0.004)]     // sx on qubit 1 by its Qiskit name
    [InlineData(2, GateKind.H, 0.001)]      // no T1/T2 on qubit 2: all depolarizing
    public void OneQubitGate_DepolarizingPlusRelaxation_HasTheCalibratedAverageGateError(int qubit, GateKind kind, double error)
    {
        var profile = DeviceProfile.Parse(Minimal);
        var angles = Enumerable.Repeat((Angle)0.3, GateInfo.Of(kind).Angles).ToArray();
        var c = new Circuit(3).Append(kind, System.Collections.Immutable.ImmutableArray.Create(qubit), System.Collections.Immutable.ImmutableArray.Create(angles));
        var noisy = profile.NoiseModelFor(c).ApplyTo(c);
        Assert.Equal(error, 1 - AverageGateFidelity(noisy, 1), 12);
        Assert.Equal(ChannelKind.Depolarizing, noisy.Channels[0].Channel.Kind);
    }

    [Fact]
    public void TwoQubitGate_TwoQubitDepolarizingPlusRelaxationOnBoth_HasTheCalibratedError_InEitherDirection()
    {
        var profile = DeviceProfile.Parse(Minimal);
        foreach (var (a, b, error) in new[] { (0, 1, 0.02), (1, 0, 0.02), (1, 2, 0.03) })
        {
            var c = new Circuit(3).CNOT(a, b);
            var noisy = profile.NoiseModelFor(c).ApplyTo(c);
            Assert.Equal(new[] { ChannelKind.TwoQubitDepolarizing, ChannelKind.ThermalRelaxation },
                noisy.Channels.Select(p => p.Channel.Kind).Distinct());
            Assert.Equal(error, 1 - AverageGateFidelity(noisy, 2), 12);
        }
    }

    [Fact]
    public void VirtualGates_GetNoChannel_AndRelaxationBeyondTheErrorGetsNoDepolarizing()
    {
        var profile = DeviceProfile.Parse(Minimal.Replace("\"error\": 0.001, \"duration\": 0.05", "\"error\": 0.00001, \"duration\": 5", StringComparison.Ordinal));
        var c = new Circuit(3).RZ(0, 0.3).RY(0, 0.2);
        var noisy = profile.NoiseModelFor(c).ApplyTo(c);
        Assert.Equal(new[] { ChannelKind.ThermalRelaxation }, noisy.Channels.Select(p => p.Channel.Kind));
        Assert.Equal(2, noisy.Channels[0].Position);   // after RY (gate 1), nothing after the virtual RZ
    }

    [Fact]
    public void Layout_MapsCircuitQubitsOntoDeviceQubits_WithTheirCalibrationAndReadout()
    {
        var manila = DeviceProfile.Example("ibmq-manila-2024-05-27");
        var c = new Circuit(2).RY(0, 0.4).CNOT(0, 1);
        var model = manila.NoiseModelFor(c, new[] { 3, 4 });
        Assert.Equal(new[] { 0.0084, 0.0088 }, model.Readout!.Probability1Given0);
        var noisy = model.ApplyTo(c);
        var relax = noisy.Channels.First(p => p.Channel.Kind == ChannelKind.ThermalRelaxation).Channel;
        Assert.Equal(179.103, relax.Parameters[0]);   // device qubit 3's T1
        Assert.Equal(0.334222, noisy.Channels.Last().Channel.Parameters[2]);   // CNOT(3, 4)'s duration
    }

    [Fact]
    public void CircuitTheProfileCannotRun_IsRefused()
    {
        var manila = DeviceProfile.Example("ibmq-manila-2024-05-27");
        var big = Assert.Throws<ArgumentException>(() => manila.NoiseModelFor(new Circuit(6)));
        Assert.Contains("describes 5", big.Message, StringComparison.Ordinal);
        var layout = Assert.Throws<ArgumentException>(() => manila.NoiseModelFor(new Circuit(2), new[] { 0, 7 }));
        Assert.Equal("layout", layout.ParamName);
        Assert.Contains("device qubit 7", layout.Message, StringComparison.Ordinal);
        Assert.Throws<ArgumentException>(() => manila.NoiseModelFor(new Circuit(2), new[] { 1, 1 }));
        var pair = Assert.Throws<ArgumentException>(() => manila.NoiseModelFor(new Circuit(3).CNOT(0, 2)));
        Assert.Contains("no calibration for CNOT on device qubit(s) 0, 2", pair.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("{ \"name\": \"x\" ", "$", "ends inside an object")]
    [InlineData("{ \"name\": \"x\", \"name\": \"y\" }", "$.name", "appears twice")]
    [InlineData("{ \"name\": 3 }", "$.name", "expected a string")]
    [InlineData("[1, 2]", "$", "expected an object")]
    [InlineData("{ \"name\": \"x\", \"source\": \"s\", \"timeUnit\": \"hours\", \"qubits\": [], \"gates\": [] }", "$.timeUnit", "ns, us, ms, s")]
    [InlineData("{ \"name\": \"x\", \"source\": \"s\", \"timeUnit\": \"us\", \"qubits\": [ { \"t1\": 10, \"t2\": 30, \"readout\": { \"p1Given0\": 0, \"p0Given1\": 0 } } ], \"gates\": [] }", "$.qubits[0].t2", "exceeds 2·T1")]
    [InlineData("{ \"name\": \"x\", \"source\": \"s\", \"timeUnit\": \"us\", \"qubits\": [ { \"readout\": { \"p1Given0\": 1.5, \"p0Given1\": 0 } } ], \"gates\": [] }", "$.qubits[0].readout.p1Given0", "probability")]
    [InlineData("{ \"name\": \"x\", \"source\": \"s\", \"timeUnit\": \"us\", \"qubits\": [ { \"readout\": { \"p1Given0\": 0, \"p0Given1\": 0 } } ], \"gates\": [ { \"gate\": \"cx\", \"qubits\": [0, 3], \"error\": 0.01 } ] }", "$.gates[0].qubits[1]", "qubits 0 to 0")]
    [InlineData("{ \"name\": \"x\", \"source\": \"s\", \"timeUnit\": \"us\", \"qubits\": [ { \"readout\": { \"p1Given0\": 0, \"p0Given1\": 0 } } ], \"gates\": [ { \"gate\": \"warp\", \"error\": 0.01 } ] }", "$.gates[0].gate", "not a gate NegLR knows")]
    [InlineData("{ \"name\": \"x\", \"source\": \"s\", \"timeUnit\": \"us\", \"qubits\": [ { \"readout\": { \"p1Given0\": 0, \"p0Given1\": 0 } } ], \"gates\": [ { \"gate\": \"RY\", \"erorr\": 0.01 } ] }", "$.gates[0].erorr", "unknown member \"erorr\"")]
    [InlineData("{ \"name\": \"x\", \"source\": \"s\", \"timeUnit\": \"us\", \"qubits\": [ { \"readout\": { \"p1Given0\": 0, \"p0Given1\": 0 } } ], \"gates\": [ { \"gate\": \"RY\", \"error\": 0.01, \"duration\": -1 } ] }", "$.gates[0].duration", "0 or more")]
    [InlineData("{ \"name\": \"x\", \"source\": \"s\", \"timeUnit\": \"us\", \"qubits\": [ { \"readout\": { \"p1Given0\": 0, \"p0Given1\": 0 } } ] }", "$", "\"gates\" is missing")]
    public void MalformedProfiles_AreRefusedAtTheirJsonPath(string json, string path, string fragment)
    {
        var e = Assert.Throws<DeviceProfileException>(() => DeviceProfile.Parse(json));
        Assert.Equal(path, e.JsonPath);
        Assert.StartsWith(path + ":", e.Message, StringComparison.Ordinal);
        Assert.Contains(fragment, e.Message, StringComparison.Ordinal);
        Assert.True(e.Line >= 1 && e.Column >= 1);
    }

    [Fact]
    public void SyntaxErrors_GiveLineAndColumn()
    {
        var e = Assert.Throws<DeviceProfileException>(() => DeviceProfile.Parse("{\n  \"name\": \"x\",\n  \"source\" \"s\"\n}"));
        Assert.Equal(3, e.Line);
        Assert.Contains("expected ':'", e.Message, StringComparison.Ordinal);
    }

    /// <summary>Average gate fidelity of the channels after the single gate, from their composed transfer matrix.</summary>
    private static double AverageGateFidelity(Circuit noisy, int qubits)
    {
        // Run the channels alone on the density-matrix engine's transfer matrices: compose PTMs in order.
        int d = 1 << qubits, dd = d * d;
        var total = Identity(dd);
        var gateQubits = noisy.Gates[^1].Qubits;
        foreach (var p in noisy.Channels)
        {
            var r = p.Channel.PauliTransferMatrix.ToArray();
            var full = p.Channel.Qubits == qubits ? Reorder(r, p.Qubits.ToArray(), gateQubits.ToArray()) : Embed(r, gateQubits.IndexOf(p.Qubits[0]), qubits);
            total = Multiply(full, total, dd);
        }

        double trace = Enumerable.Range(0, dd).Sum(i => total[(i * dd) + i]);
        double process = trace / (dd);
        return ((d * process) + 1) / (d + 1);
    }

    private static double[] Embed(double[] r, int position, int qubits)
    {
        if (qubits == 1)
        {
            return r;
        }

        // Two-qubit word index 4·l0 + l1: a one-qubit map on the first (l0) or second (l1) letter.
        var m = new double[256];
        for (int i = 0; i < 16; i++)
        {
            for (int j = 0; j < 16; j++)
            {
                int ia = i >> 2, ib = i & 3, ja = j >> 2, jb = j & 3;
                m[(i * 16) + j] = position == 0 ? (ib == jb ? r[(ia * 4) + ja] : 0) : (ia == ja ? r[(ib * 4) + jb] : 0);
            }
        }

        return m;
    }

    private static double[] Reorder(double[] r, int[] channelQubits, int[] gateQubits)
    {
        if (channelQubits.Length == 1 || channelQubits[0] == gateQubits[0])
        {
            return r;
        }

        var m = new double[256];
        static int Swap(int w) => ((w & 3) << 2) | (w >> 2);
        for (int i = 0; i < 16; i++)
        {
            for (int j = 0; j < 16; j++)
            {
                m[(Swap(i) * 16) + Swap(j)] = r[(i * 16) + j];
            }
        }

        return m;
    }

    private static double[] Identity(int n)
    {
        var m = new double[n * n];
        for (int i = 0; i < n; i++)
        {
            m[(i * n) + i] = 1;
        }

        return m;
    }

    private static double[] Multiply(double[] a, double[] b, int n)
    {
        var m = new double[n * n];
        for (int i = 0; i < n; i++)
        {
            for (int k = 0; k < n; k++)
            {
                for (int j = 0; j < n; j++)
                {
                    m[(i * n) + j] += a[(i * n) + k] * b[(k * n) + j];
                }
            }
        }

        return m;
    }
}
