using System.Security.Cryptography.X509Certificates;
using Org.BouncyCastle.Crypto;

namespace Worker.Tests.Signing.Csc;

/// <summary>A credential the test CSC service holds: its id, certificate chain, BouncyCastle private key and the official's PIN.</summary>
public sealed record CscTestCredential(string Id, IReadOnlyList<X509Certificate2> Chain, AsymmetricKeyParameter Key, string Pin);
