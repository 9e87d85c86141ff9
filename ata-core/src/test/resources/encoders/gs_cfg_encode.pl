#!/usr/bin/perl
# An independent encoder of Grandstream's legacy binary config file, written from the format's
# description (INTERFACES.md 3.1), not from the emulator's Java: the body padded with NULs to a
# multiple of four bytes as some encoders do, values URL-encoded, the length written as 32 bits.
# Usage: gs_cfg_encode.pl <mac 12 hex digits> <output file> P<n>=<value> ...
use strict;
use warnings;

my ($mac, $output, @pairs) = @ARGV;
die "usage: $0 mac output P1=v ...\n" unless defined $output && $mac =~ /^[0-9a-fA-F]{12}$/;

sub quote {
    my ($text) = @_;
    $text =~ s/([^A-Za-z0-9_.~-])/sprintf("%%%02X", ord($1))/ge;
    return $text;
}

my @encoded;
for my $pair (@pairs) {
    my ($key, $value) = split /=/, $pair, 2;
    push @encoded, $key . '=' . quote($value);
}
my $body = join('&', @encoded, 'gnkey=0b82');
$body .= "\0" while length($body) % 4;

my $header_without_sum = pack('N', 8 + length($body) / 2) . pack('n', 0) . pack('H12', $mac) . "\r\n\r\n";
my $file = $header_without_sum . $body;
my $sum = 0;
$sum += $_ for unpack('n*', $file);
my $checksum = (0x10000 - ($sum & 0xFFFF)) & 0xFFFF;
substr($file, 4, 2) = pack('n', $checksum);

open(my $out, '>:raw', $output) or die "cannot write $output: $!\n";
print $out $file;
close($out);
