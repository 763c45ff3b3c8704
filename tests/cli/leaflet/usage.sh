leaflet < /dev/null; echo "status $?"
leaflet -t item -f gif < /dev/null; echo "status $?"
leaflet -t item -f png < /dev/null; echo "status $?"
