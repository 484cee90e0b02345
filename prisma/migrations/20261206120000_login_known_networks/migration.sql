-- Login throttling by account and network (issue 13, ADR 015): a pair row ("pair:<network>|<email>")
-- remembers the last correct password from that network, so the account-wide lock that a spread-out
-- attack triggers does not keep the owner out of their usual network.

-- AlterTable
ALTER TABLE "LoginThrottle" ADD COLUMN "lastSuccessAt" TIMESTAMP(3);
