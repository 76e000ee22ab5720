namespace Worker.Tests.Signing.Bsre;

/// <summary>An official registered with the test BSrE service: NSS nickname, name, NIK, email.</summary>
public sealed record BsreTestUser(string Nick, string Name, string Nik, string Email);
