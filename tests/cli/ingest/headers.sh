# Headers as form builders write them: numbered (1. 2) 3 -), a star on a
# required question, another case, ё for е, other spacing: each still
# answers its question. What does not match is named: the questions no
# column answers, and each column that answers nothing; --strict makes that
# an error (exit 1, nothing written).
C=$EXAMPLES/demo-campaign.yaml
{
  printf 'ID,Время создания,'
  printf '"1. Насколько Вы в целом удовлетворены качеством взаимодействия? *",'
  printf '2) ВРЕМЯ ПРЕДОСТАВЛЕНИЯ государственной услуги*,'
  printf '3 - Время  ожидания в очереди при получении государственной услуги,'
  printf '"4.1. Вежливость и компетентность сотрудника ,  взаимодействующего с заявителем",'
  printf 'Получили ли Вы результат, за которым обращались ?,'
  printf 'Ваш возраст,ФИО\n'
  printf '1,2024-03-01 10:00,5 - Отлично,4,3,2,Да,35,Иванов\n'
} > forms.csv
# The header is made of commas: quote the one field that has one.
sed -i '1s/Получили ли Вы результат, за которым обращались ?/"&"/' forms.csv
ingest -c "$C" -p yandex-forms -o out.csv forms.csv 2>err; echo "exit $?"; cat err
cut -d, -f1,11- out.csv
echo "-- --strict"
ingest -c "$C" -p yandex-forms --strict -o strict.csv forms.csv 2>err; echo "exit $?"; cat err
test -e strict.csv || echo "nothing written"
echo "-- --strict, every question and column matched"
{
  printf 'ID,Время создания,1. Насколько Вы в целом удовлетворены качеством взаимодействия? *,'
  printf 'Время предоставления государственной услуги,'
  printf 'Время ожидания в очереди при получении государственной услуги,'
  printf '"Вежливость и компетентность сотрудника, взаимодействующего с заявителем",'
  printf '"Комфортность условий в помещении, в котором предоставлена услуга",'
  printf 'Доступность информации о порядке предоставления услуги,'
  printf 'ПОЛУЧИЛИ ЛИ ВЫ РЕЗУЛЬТАТ ЗА КОТОРЫМ ОБРАЩАЛИСЬ,ФИО\n'
  printf '1,2024-03-01 10:00,5,5,5,5,5,5,да,Иванов\n'
} > all.csv
ingest -c "$C" -p yandex-forms --strict all.csv 2>err | cut -d, -f11-; cat err
