import email
import email.policy

import pytest

from autofiler import notify_targets
from autofiler.store import Store
from autofiler.tracking import outbox
from autofiler.tracking.changes import Change
from tests.tracking.factory import project, result
from tests.tracking.receivers import SmtpReceiver

ACCOUNT = "http://site|13800000000"
CHANGE = Change("7", "项目7", "status", "伦理审查中", "退回修改", "请补充方案版本号")


@pytest.fixture
def smtp():
    server = SmtpReceiver(user="office@example.org", password="smtp-s3cret")
    yield server
    server.close()


def send(tmp_path, table):
    targets = notify_targets.parse_targets([table])
    with Store(tmp_path) as store:
        outbox.queue_changes(store, targets, ACCOUNT, "http://site", result([project("7")], [CHANGE]))
        errors = outbox.send_pending(store, targets, ACCOUNT)
        return errors, len(store.pending())


def target(smtp, **extra):
    return {"kind": "email", "host": "127.0.0.1", "port": smtp.port, "user": "office@example.org",
            "from": "office@example.org", "to": ["pi@example.org", "qa@example.org"], **extra}


def test_mail_with_the_password_from_the_environment(tmp_path, smtp, monkeypatch):
    monkeypatch.setenv("AUTOFILER_SMTP_PASSWORD", "smtp-s3cret")
    assert send(tmp_path, target(smtp)) == ([], 0)
    [mail] = smtp.mails
    assert mail.auth == ("office@example.org", "smtp-s3cret")
    assert mail.recipients == ["<pi@example.org>", "<qa@example.org>"]
    msg = email.message_from_string(mail.data, policy=email.policy.default)
    assert "progress changes" in msg["Subject"]
    assert "请补充方案版本号" in msg.get_content()


def test_mail_with_the_password_from_the_keyring(tmp_path, smtp, memory_keyring):
    memory_keyring.set_password("autofiler-smtp", "office@example.org", "smtp-s3cret")
    assert send(tmp_path, target(smtp)) == ([], 0)
    assert smtp.mails[0].auth == ("office@example.org", "smtp-s3cret")


def test_a_wrong_password_is_reported_and_the_mail_kept(tmp_path, smtp, monkeypatch):
    monkeypatch.setenv("AUTOFILER_SMTP_PASSWORD", "wrong-pass")
    errors, pending = send(tmp_path, target(smtp))
    assert pending == 1 and "535" in errors[0]
    assert "wrong-pass" not in errors[0]
    assert smtp.mails == []


def test_no_password_anywhere_is_reported(tmp_path, smtp, monkeypatch):
    monkeypatch.delenv("AUTOFILER_SMTP_PASSWORD", raising=False)
    errors, pending = send(tmp_path, target(smtp))
    assert pending == 1 and "AUTOFILER_SMTP_PASSWORD" in errors[0]


def test_forced_starttls_on_a_server_without_it_sends_nothing(tmp_path, smtp, monkeypatch):
    monkeypatch.setenv("AUTOFILER_SMTP_PASSWORD", "smtp-s3cret")
    errors, pending = send(tmp_path, target(smtp, starttls=True))
    assert pending == 1 and "STARTTLS" in errors[0]
    assert "AUTH" not in smtp.state.commands and smtp.mails == []


def test_mail_without_login(tmp_path):
    server = SmtpReceiver()
    try:
        table = {"kind": "email", "host": "127.0.0.1", "port": server.port, "to": "pi@example.org"}
        assert send(tmp_path, table) == ([], 0)
        assert server.mails[0].auth is None
    finally:
        server.close()


@pytest.fixture
def certificate(tmp_path):
    """A self-signed certificate for 127.0.0.1, as an intranet mail server with a private CA would have."""
    pytest.importorskip("cryptography")
    import datetime as dt
    import ipaddress

    from cryptography import x509
    from cryptography.hazmat.primitives import hashes, serialization
    from cryptography.hazmat.primitives.asymmetric import ec
    from cryptography.x509.oid import NameOID

    key = ec.generate_private_key(ec.SECP256R1())
    name = x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, "127.0.0.1")])
    now = dt.datetime.now(dt.UTC)
    cert = (x509.CertificateBuilder().subject_name(name).issuer_name(name).public_key(key.public_key())
            .serial_number(x509.random_serial_number()).not_valid_before(now - dt.timedelta(minutes=5))
            .not_valid_after(now + dt.timedelta(days=1))
            .add_extension(x509.SubjectAlternativeName([x509.IPAddress(ipaddress.ip_address("127.0.0.1"))]), False)
            .add_extension(x509.BasicConstraints(ca=True, path_length=None), True)
            .sign(key, hashes.SHA256()))
    cert_file, key_file = tmp_path / "cert.pem", tmp_path / "key.pem"
    cert_file.write_bytes(cert.public_bytes(serialization.Encoding.PEM))
    key_file.write_bytes(key.private_bytes(serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8,
                                           serialization.NoEncryption()))
    return str(cert_file), str(key_file)


def test_starttls_when_offered_before_the_login(tmp_path, certificate, monkeypatch):
    monkeypatch.setenv("AUTOFILER_SMTP_PASSWORD", "smtp-s3cret")
    server = SmtpReceiver(user="office@example.org", password="smtp-s3cret", tls=certificate)
    try:
        assert send(tmp_path, target(server, cafile=certificate[0])) == ([], 0)
        assert server.state.tls
        assert server.state.commands.index("STARTTLS") < server.state.commands.index("AUTH")
        assert server.mails[0].auth == ("office@example.org", "smtp-s3cret")
    finally:
        server.close()


def test_an_untrusted_certificate_stops_the_mail_before_the_password(tmp_path, certificate, monkeypatch):
    monkeypatch.setenv("AUTOFILER_SMTP_PASSWORD", "smtp-s3cret")
    server = SmtpReceiver(user="office@example.org", password="smtp-s3cret", tls=certificate)
    try:
        errors, pending = send(tmp_path, target(server))
        assert pending == 1 and "CERTIFICATE_VERIFY_FAILED" in errors[0]
        assert "AUTH" not in server.state.commands and server.mails == []
    finally:
        server.close()
