#!/bin/sh
# N distinct survey URLs of the bench shape (93 bytes, QR version 6 at level M):
# usage: gen_urls.sh N > urls.txt
n=${1:-10000}
awk -v n="$n" 'BEGIN {
  form = "https://forms.yandex.ru/cloud/65c1ce9e693872420b78dfa7/"
  for (i = 0; i < n; i++)
    printf "%s?service=svc-%04d&point=pt-%03d&src=qr\n", form, 1 + (i * 7919) % 2000, 1 + int(i / 2000) * 97 % 500 + i % 13
}' | awk '!seen[$0]++'
